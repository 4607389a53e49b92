@org.jspecify.annotations.NullMarked
package br.com.vetric.sessions.web;
