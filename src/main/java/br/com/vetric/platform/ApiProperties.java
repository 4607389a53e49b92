package br.com.vetric.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the JSON API.
 *
 * @param maxBodySize the largest request body of an {@code /api/**} request that is not a multipart upload (default
 *                    64KB); a larger one is refused with 413 before it is read. Uploads keep their own limit
 *                    ({@code vetric.reports.max-upload-bytes}).
 */
@Validated
@ConfigurationProperties("vetric.api")
public record ApiProperties(@DefaultValue("64KB") DataSize maxBodySize) {

    public ApiProperties {
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "vetric.api.max-body-size must be between 1 byte and 2 GB, was " + maxBodySize);
        }
    }
}
