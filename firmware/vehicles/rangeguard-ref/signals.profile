# Signal profile: which CAN signal feeds each agent input (format: hardware-docs/signal-maps.md).
# Build the device map with: rangeguard profile build firmware/vehicles/rangeguard-ref/signals.profile -o signals.map
profile=rangeguard-ref
title=RangeGuard reference vehicle
dbc=rangeguard-ref.dbc
note=Cycle times: 0x100 and 0x120 100 ms, 0x110 1000 ms, 0x130 500 ms; max ages are 5-10 cycles.

# raw 0x3FF = not available
input=soc_pct signal=RG_Battery.Soc maxage=1000 sentinel=1023
input=pack_voltage_v signal=RG_Battery.PackVoltage maxage=1000
# already discharge positive
input=pack_current_a signal=RG_Battery.PackCurrent maxage=1000 positive=discharge
input=charging_state signal=RG_Battery.ChargingState maxage=1000
# Motorola message, raw 0xFFF = not available
input=battery_temp_min_c signal=RG_BatteryTemp.BatteryTempMin maxage=5000 sentinel=4095
input=battery_temp_max_c signal=RG_BatteryTemp.BatteryTempMax maxage=5000 sentinel=4095
input=battery_temp_avg_c signal=RG_BatteryTemp.BatteryTempAvg maxage=5000 sentinel=4095
input=speed_kmh signal=RG_Vehicle.Speed maxage=1000
input=ambient_temp_c signal=RG_Vehicle.AmbientTemp maxage=1000
input=odometer_km signal=RG_Vehicle.Odometer maxage=1000
input=hvac_power_w signal=RG_Climate.HvacPower maxage=2500
