package br.com.vetric.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Who connects where: a JDBC URL (never with a password in it) and a user. */
record DatabaseLogin(String url, String username, String password) {

    Connection connect() throws SQLException {
        Properties p = new Properties();
        if (username != null && !username.isBlank()) {
            p.setProperty("user", username);
        }
        if (password != null && !password.isBlank()) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(url, p);
    }

    DatabaseLogin onDatabase(String database) {
        return new DatabaseLogin(url.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"), username, password);
    }

    @Override
    public String toString() {
        return "DatabaseLogin[url=" + DatabaseProperties.redact(url) + ", username=" + username + ", password=***]";
    }
}
