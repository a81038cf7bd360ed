namespace RangeGuard.Vehicle
{
    /// <summary>
    /// Presets: one per row of vehicles.csv (US EPA Test Car List road-load coefficients and test weight) plus
    /// "rangeguard-ref". Pack data: vehicles.csv battery_nominal_kwh; pack mass assumed 6.5 kg/kWh with
    /// cp 1000 J/(kg·K) (notes B5: "half-ton" 85 kWh pack); charger limits are approximate manufacturer figures (UNCONFIRMED).
    /// </summary>
    public static class VehiclePresets
    {
        public const string Reference = "rangeguard-ref";

        // id, name, etw lb, A lbf, B lbf/mph, C lbf/mph², udds Wh/mi, hwy Wh/mi, nominal kWh, AC kW, DC kW, heat pump
        private static readonly string[] s_ids =
        {
            "tesla-model-s-85-2013", "tesla-model-s-lr-2022", "tesla-model-3-lr-awd-2022",
            "nissan-leaf-s-2013", "chevrolet-bolt-2019", "bmw-i3-60ah-2014",
        };

        private static readonly string[] s_names =
        {
            "Tesla Model S (362 hp) 2013", "Tesla Model S Long Range 2022", "Tesla Model 3 Long Range AWD 2022",
            "Nissan Leaf S 2013", "Chevrolet Bolt 2019", "BMW i3 BEV (60 Ah) 2014",
        };

        private static readonly float[] s_epa =
        {
            4750f, 39.846f, 0.14526f, 0.015889f, 284f, 277f,
            4750f, 28.99f, 0.4592f, 0.0111f, 206f, 223f,
            4250f, 34.98f, 0.0865f, 0.0148f, 183f, 194f,
            3625f, 29.97f, 0.0713f, 0.02206f, 187f, 234f,
            3875f, 28.4f, 0.2018f, 0.01948f, 185f, 214f,
            3125f, 22.9f, 0.346f, 0.01626f, 172f, 212f,
        };

        private static readonly float[] s_pack =
        {
            85f, 10f, 120f, 0f,
            100f, 11.5f, 250f, 1f,
            82f, 11.5f, 250f, 1f,
            24f, 3.3f, 50f, 0f,
            60f, 7.7f, 55f, 0f,
            22f, 7.4f, 50f, 0f,
        };

        // Rated power of the induction motor that drives at light load, kW (0 = permanent-magnet primary drive):
        // 2013 Model S 85 rear AC induction motor 270 kW = the 362 hp in its EPA name; 2022 Model S LR and Model 3 LR AWD
        // cruise on their permanent-magnet (synchronous reluctance) unit, the induction unit idles unexcited; Leaf
        // (80 kW), Bolt (150 kW) and i3 (125 kW) use permanent-magnet synchronous motors.
        private static readonly float[] s_inductionKw = { 270f, 0f, 0f, 0f, 0f, 0f };

        public static int Count
        {
            get { return s_ids.Length + 1; }
        }

        /// <summary>Preset id by index (0..Count-1; the last is the reference vehicle).</summary>
        public static string IdAt(int index)
        {
            return index < s_ids.Length ? s_ids[index] : Reference;
        }

        public static string IdList()
        {
            string list = Reference;
            for (int i = 0; i < s_ids.Length; i++)
            {
                list += ", " + s_ids[i];
            }

            return list;
        }

        /// <summary>The preset with this id, or null.</summary>
        public static VehicleParams Create(string id)
        {
            if (id == Reference)
            {
                // A generic mid-size 75 kWh hatchback: 1900 kg with driver, CdA 0.62 m², Crr 0.009, resistive heater.
                var vp = new VehicleParams();
                vp.Id = Reference;
                vp.Name = "RangeGuard reference EV";
                vp.SetPhysicalRoadLoad(1900f, 0.62f, 0.009f);
                SetPack(vp, 75f, 11f, 150f, false);
                return vp;
            }

            for (int i = 0; i < s_ids.Length; i++)
            {
                if (s_ids[i] == id)
                {
                    var vp = new VehicleParams();
                    vp.Id = id;
                    vp.Name = s_names[i];
                    int e = i * 6;
                    vp.SetEpaRoadLoad(s_epa[e], s_epa[e + 1], s_epa[e + 2], s_epa[e + 3]);
                    vp.EpaUddsWallWhPerMi = s_epa[e + 4];
                    vp.EpaHwyWallWhPerMi = s_epa[e + 5];
                    vp.InductionDriveKw = s_inductionKw[i];
                    int p = i * 4;
                    SetPack(vp, s_pack[p], s_pack[p + 1], s_pack[p + 2], s_pack[p + 3] > 0.5f);
                    return vp;
                }
            }

            return null;
        }

        private static void SetPack(VehicleParams vp, float nominalKwh, float acKw, float dcKw, bool heatPump)
        {
            vp.HeatPump = heatPump;
            BatteryModel b = vp.Battery;
            b.NominalKwh = nominalKwh;
            b.AcMaxKw = acKw;
            b.DcMaxKw = dcKw;
            b.ThermalMassJPerK = nominalKwh * 6.5f * 1000f;
            b.HeaterPowerW = nominalKwh >= 50f ? 6000f : 4000f;
            b.HeatTransferWPerK = nominalKwh >= 50f ? 12f : 6f;
        }
    }
}
