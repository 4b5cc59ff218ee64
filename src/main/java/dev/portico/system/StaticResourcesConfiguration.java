package dev.portico.system;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.util.Assert;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Serves the console's static files from their three folders only ({@code /css}, {@code /js},
 * {@code /webjars}, the last with version-less htmx paths). Boot's default maps {@code /**} to the
 * classpath, and with a resource chain every link a page builds ({@code @{…}}, dozens on a table of
 * 25 rows) was first looked up as a classpath file: that was most of a list page's time. {@code
 * spring.web.resources.add-mappings=false} turns the default off.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourcesConfiguration implements WebMvcConfigurer {

  private final WebProperties web;

  StaticResourcesConfiguration(WebProperties web) {
    Assert.notNull(web, "web cannot be null");
    this.web = web;
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    CacheControl cache = web.getResources().getCache().getCachecontrol().toHttpCacheControl();
    CacheControl caching = cache == null ? CacheControl.empty() : cache;
    registry
        .addResourceHandler("/css/**")
        .addResourceLocations("classpath:/static/css/")
        .setCacheControl(caching);
    registry
        .addResourceHandler("/js/**")
        .addResourceLocations("classpath:/static/js/")
        .setCacheControl(caching);
    registry
        .addResourceHandler("/webjars/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/")
        .setCacheControl(caching)
        .resourceChain(true)
        .addResolver(new LiteWebJarsResourceResolver());
  }
}
