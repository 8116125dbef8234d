package cn.consumerexchange.gateway.console;

import java.time.ZoneId;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.consumerexchange.gateway.search.MessageCriteria;

/** Every console page shows times in China Standard Time (北京时间), the time the regions exchange in. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleTimeZone {

    @ModelAttribute("zone")
    ZoneId zone() {
        return MessageCriteria.EXCHANGE_ZONE;
    }
}
