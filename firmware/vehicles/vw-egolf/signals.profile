# Signal profile: which CAN signal feeds each agent input (format: hardware-docs/signal-maps.md).
# Build the device map with: rangeguard profile build firmware/vehicles/vw-egolf/signals.profile -o signals.map
profile=vw-egolf
title=VW e-Golf (KCAN, OVMS vwegolf.dbc)
dbc=vwegolf.dbc
note=No HVAC power signal in vwegolf.dbc: hvac_power_w stays missing (stale).
note=No battery min/max temperature: only battery_temp_avg_c.

# 0xFE (127 %) is the startup sentinel named in the DBC comment
input=soc_pct signal=BMS_SoC.SoC maxage=5000 sentinel=0xFE
# DBC comment: positive = discharge, so scale 1; the invalid d[2]=FF frame decodes to 2033 A and is rejected by max
input=pack_current_a signal=BMS_PowerBus.BatCurrent maxage=5000 min=-1000 max=1000 positive=discharge
# min 100 V rejects the 0 V of the invalid d[2]=FF frame
input=pack_voltage_v signal=BMS_PowerBus.BatVoltage maxage=5000 min=100 max=1000
# one pack temperature: fed to avg; d[2]=FE (87 C) is a sentinel
input=battery_temp_avg_c signal=BMS_BatTemp.BatTemp maxage=10000 sentinel=0xFE
# filtered outside temperature (0x6B5 AirTemp is the raw sensor)
input=ambient_temp_c signal=OdoTempPark.OutsideTemp maxage=10000
input=speed_kmh signal=ESP_Speed.Speed maxage=2000
input=odometer_km signal=OdoTempPark.Odometer maxage=10000
# 1 = charging -> 2; AC and DC are not told apart, plugged-not-charging reads 0
input=charging_state signal=ChargeManagement.ChargeInProgress maxage=10000 scale=2
