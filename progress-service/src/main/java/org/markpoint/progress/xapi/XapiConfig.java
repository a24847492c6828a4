package org.markpoint.progress.xapi;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(XapiProperties.class)
class XapiConfig {
}
