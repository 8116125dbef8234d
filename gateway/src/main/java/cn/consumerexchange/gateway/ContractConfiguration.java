package cn.consumerexchange.gateway;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ContractValidator;
import cn.consumerexchange.contract.DivisionCodes;
import cn.consumerexchange.gateway.partner.PartnerLocations;

/** The contract, its code tables and the partner adapters, as beans. */
@Configuration(proxyBeanMethods = false)
class ContractConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    DivisionCodes divisionCodes() {
        return DivisionCodes.fromClasspath();
    }

    @Bean
    ContractCodec contractCodec() {
        return ContractCodec.standard();
    }

    @Bean
    ContractValidator contractValidator(DivisionCodes divisions, Clock clock) {
        return new ContractValidator(divisions, clock);
    }

    /** Java adapters on the class path, and declarative formats from the partner locations. */
    @Bean
    AdapterCatalog adapterCatalog(PartnerLocations locations) {
        return AdapterCatalog.discover(locations);
    }
}
