using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Physics;

namespace RangeGuard.Simulator.Tests.Physics
{
    [TestClass]
    public class BatteryAndChargingTests
    {
        [TestMethod]
        public void Current_for_a_power_should_solve_the_resistive_pack_equation()
        {
            // OCV 96 · 3.80 = 364.8 V, R = 0.07 Ω at 25 °C, 36.5 kW: I = (364.8 − √(364.8² − 4·0.07·36500)) / 0.14 = 102.053 A,
            // terminal 357.656 V, I²R loss 729.0 W.
            var b = new BatteryPack(TestVehicles.Simple(), 50, 25);
            Assert.IsTrue(b.SolveCurrent(36_500, out double i));
            Assert.AreEqual(102.053, i, 0.001);
            Assert.AreEqual(357.656, b.TerminalVoltageV(i), 0.001);
            Assert.AreEqual(729.04, b.Apply(i, 0, 0, 25, 0), 0.01);
        }

        [TestMethod]
        public void Coulomb_counting_should_take_the_nominal_energy_for_a_full_discharge_at_constant_ocv()
        {
            // 60 kWh at 364.8 V = 164.47 Ah; 10 A for 1 h = 6.08 % of it.
            var b = new BatteryPack(TestVehicles.Simple(), 50, 25);
            Assert.AreEqual(164.474, b.CapacityAh, 0.001);
            b.Apply(10, 3600, 0, 25, 0);
            Assert.AreEqual(50 - 6.0800, b.SocPercent, 0.0005);
        }

        [TestMethod]
        public void Parked_pack_should_cool_exponentially_towards_ambient_over_12_hours()
        {
            // Model S preset: C = 540 kg · 1000 J/(kg·K), UA parked 18 W/K → τ = 30,000 s.
            // From 20 °C at −10 °C ambient for 12 h: −10 + 30·exp(−43200/30000) = −2.892 °C.
            VehicleParameters p = VehicleLoader.LoadPreset("tesla-model-s-85-2013");
            var b = new BatteryPack(p, 50, 20);
            for (int s = 0; s < 12 * 3600; s++)
            {
                b.Apply(0, 1, 0, -10, p.PackUaParkedWPerK);
            }

            Assert.AreEqual(-2.892, b.TempC, 0.01);
        }

        [TestMethod]
        public void Heater_should_warm_the_pack_by_its_energy_over_the_heat_capacity()
        {
            // 5 kW for 10 min into 400 kJ/K with no losses: 3 MJ / 400 kJ/K = 7.5 K.
            var b = new BatteryPack(TestVehicles.Simple(), 50, -5);
            b.Apply(0, 600, 5000, -5, 0);
            Assert.AreEqual(2.5, b.TempC, 1e-9);
        }

        [TestMethod]
        public void Dc_charging_should_taper_with_soc_and_slow_down_in_a_cold_pack()
        {
            VehicleParameters p = VehicleLoader.LoadPreset("tesla-model-s-85-2013");
            // 25 °C: C-rate limit 1.15·85 = 97.75 kW; taper at 30 % = 1.0·90 kW → 90 kW; at 80 % = 0.52·90 = 46.8 kW.
            Assert.AreEqual(90_000, ChargingModel.PackAcceptW(p, 30, 25, true), 1);
            Assert.AreEqual(46_800, ChargingModel.PackAcceptW(p, 80, 25, true), 1);
            // −10 °C: 0.12 C · 85 kWh = 10.2 kW whatever the SOC.
            Assert.AreEqual(10_200, ChargingModel.PackAcceptW(p, 30, -10, true), 1);
            Assert.AreEqual(0, ChargingModel.PackAcceptW(p, 100, 25, true));
        }

        [TestMethod]
        public void A_cold_pack_should_gain_less_in_30_minutes_of_dc_charging_than_a_warm_one()
        {
            double Gain(double tempC)
            {
                VehicleParameters p = VehicleLoader.LoadPreset("tesla-model-s-85-2013");
                var car = new TruthCar(p, 20, tempC, 20);
                var u = new CarInputs { Plugged = true, ChargerW = 90_000, ChargerIsDc = true, ChargeEnabled = true, AmbientC = tempC, CabinSetpointC = double.NaN };
                for (int i = 0; i < 1800; i++)
                {
                    car.Step(1, in u);
                }

                Assert.AreEqual(3, car.ChargingState, "DC charging state");
                return car.Battery.SocPercent - 20;
            }

            // Warm: about 40 kWh in 30 min (2013 Supercharger claim: 150-160 miles in about 30 minutes, ev-physics-notes B6).
            double warm = Gain(25), cold = Gain(-10);
            Assert.IsTrue(warm > 40, $"warm pack gains {warm:0.0} %");
            Assert.IsTrue(cold < warm * 0.6, $"cold pack gains {cold:0.0} % vs warm {warm:0.0} %");
        }

        [TestMethod]
        public void Usable_floor_should_rise_in_the_cold()
        {
            VehicleParameters p = VehicleLoader.LoadPreset("tesla-model-s-85-2013");
            Assert.AreEqual(1.5, new BatteryPack(p, 50, 25).SocFloorPercent, 1e-9);
            Assert.AreEqual(7.0, new BatteryPack(p, 50, -10).SocFloorPercent, 1e-9);
            Assert.IsTrue(new BatteryPack(p, 50, -10).UsableEnergyKwh < new BatteryPack(p, 50, 25).UsableEnergyKwh);
        }
    }
}
