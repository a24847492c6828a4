package org.markpoint.progress.lti;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(LtiProperties.class)
class LtiConfig {
}
