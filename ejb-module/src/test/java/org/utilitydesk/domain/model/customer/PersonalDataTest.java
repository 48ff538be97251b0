package org.utilitydesk.domain.model.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void mobileKeepsPrefixAndLastFour() {
        assertThat(PersonalData.maskPhone("13800000001")).isEqualTo("138****0001");
        assertThat(PersonalData.maskPhone("057188886666")).isEqualTo("057*****6666");
    }

    @Test
    void shortOrMissingPhonesRevealNothing() {
        assertThat(PersonalData.maskPhone("95598")).isEqualTo("*****");
        assertThat(PersonalData.maskPhone(null)).isNull();
    }

    @Test
    void mailboxKeepsFirstLetterAndDomain() {
        assertThat(PersonalData.maskMailbox("zhang.san@example.com")).isEqualTo("z***@example.com");
        assertThat(PersonalData.maskMailbox("@example.com")).isEqualTo("***");
        assertThat(PersonalData.maskMailbox(null)).isEqualTo("***");
    }

    @Test
    void addressKeepsStreetNumberAndHidesBuildingAndRoom() {
        assertThat(PersonalData.maskAddress("浙江省杭州市西湖区文三路198号翠苑一区3幢2单元1201室"))
                .isEqualTo("浙江省杭州市西湖区文三路198号****");
        assertThat(PersonalData.maskAddress("某地")).endsWith("****").doesNotContain("地地");
    }

    @Test
    void accountNumbersAreNormalisedAndChecked() {
        assertThat(AccountNumber.of(" 1000-0000 16 ").value()).isEqualTo("1000000016");
        assertThatThrownBy(() -> AccountNumber.of("1000000017")).isInstanceOf(InvalidAccountNumberException.class);
        assertThatThrownBy(() -> AccountNumber.of(null)).isInstanceOf(InvalidAccountNumberException.class);
    }
}
