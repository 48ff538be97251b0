package org.utilitydesk.domain.model.customer;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A service area (台区/网格): the unit work orders and staff are assigned by. Reference data, cached. */
@Entity
@Table(name = "service_area")
@Cacheable
public class ServiceArea {

    @Id
    private Long id;

    @Column(nullable = false, length = 32)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 100)
    private String district;

    @Enumerated(EnumType.STRING)
    @Column(name = "area_type", nullable = false, length = 16)
    private AreaType areaType;

    @Column(name = "parent_id")
    private Long parentId;

    protected ServiceArea() {
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDistrict() {
        return district;
    }

    public AreaType getAreaType() {
        return areaType;
    }

    public Long getParentId() {
        return parentId;
    }
}
