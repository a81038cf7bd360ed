# Signal profile: which CAN signal feeds each agent input (format: hardware-docs/signal-maps.md).
# Build the device map with: rangeguard profile build firmware/vehicles/hyundai-kona/signals.profile -o signals.map
profile=hyundai-kona
title=Hyundai Kona Electric (PCAN, kona-ev-dbc pcan.dbc)
dbc=pcan.dbc
note=No ambient (outside air) temperature is defined in pcan.dbc: ambient_temp_c stays missing (stale).
note=0x595/0x596 also occur on bus 1 (CCAN) with other content: every mapping is bus 0.

# SOC as displayed (0x594 SoC_Maybe is 'probably actual')
input=soc_pct signal=BMS_542.SocDisp bus=0 maxage=5000
# bus 0 only: 0x595 on bus 1 (CCAN) carries other content
input=pack_voltage_v signal=Batt_HV_Status.VBatt bus=0 maxage=5000 min=100 max=1000
# positive = discharge: 0..3.4 A while READY and not charging in log 230112-7; scale 1
input=pack_current_a signal=Batt_HV_Status.IBatt bus=0 maxage=5000 min=-1000 max=1000 positive=discharge
# charger detected counts as charging: AC -> 2, DC -> 3 (max of both)
input=charging_state signal=Batt_HV_Status.ACChargerDetected bus=0 maxage=5000 scale=2 combine=max
input=charging_state signal=Batt_HV_Status.DCFastChargerDetected bus=0 maxage=5000 scale=3 combine=max
input=battery_temp_min_c signal=BatteryCharging.uwe596_6_TAkkuL bus=0 maxage=5000
input=battery_temp_max_c signal=BatteryCharging.uwe596_7_TAkkuH bus=0 maxage=5000
# avg = (low + high) / 2
input=battery_temp_avg_c signal=BatteryCharging.uwe596_6_TAkkuL bus=0 maxage=5000 combine=avg
input=battery_temp_avg_c signal=BatteryCharging.uwe596_7_TAkkuH bus=0 maxage=5000 combine=avg
# mean of the four wheel speeds (km/h); 0x450 Speed has no unit in the DBC
input=speed_kmh signal=IEB_386_WHEEL.WHL_SPD_FL bus=0 maxage=2000 combine=avg
input=speed_kmh signal=IEB_386_WHEEL.WHL_SPD_FR bus=0 maxage=2000 combine=avg
input=speed_kmh signal=IEB_386_WHEEL.WHL_SPD_RL bus=0 maxage=2000 combine=avg
input=speed_kmh signal=IEB_386_WHEEL.WHL_SPD_RR bus=0 maxage=2000 combine=avg
input=odometer_km signal=Odometer.Odometer bus=0 maxage=10000
# heater only: CompressorPower (0x5F5) is another message and is not added
input=hvac_power_w signal=FATC_5F6.HeaterPower bus=0 maxage=5000
