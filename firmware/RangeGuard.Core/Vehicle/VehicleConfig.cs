namespace RangeGuard.Vehicle
{
    /// <summary>
    /// Vehicle config text: one "key=value" per line, '#' comments, blank lines ignored. An optional first
    /// "preset=&lt;id&gt;" starts from a preset (default: rangeguard-ref). Keys (units in the name):
    /// name, mass_kg, a_n, b_n_per_mps, c_n_per_mps2, cda_m2 and crr (both, replace A/B/C), etw_lb, a_lbf,
    /// b_lbf_per_mph and c_lbf_per_mph2 (all four: an EPA Test Car List row, replace mass and A/B/C),
    /// epa_udds_wall_wh_per_mi, epa_hwy_wall_wh_per_mi, traction_efficiency,
    /// regen_efficiency, aux_base_w, induction_drive_kw, road_load_scale, startup_energy_wh, band_sigma_scale, route_noise_wh_per_sqrt_km, arrival_noise_wh,
    /// learner_prior_scale,
    /// cabin_conductance_w_per_k, cabin_heat_capacity_j_per_k, ac_cop, heat_pump (true/false), battery_nominal_kwh,
    /// usable_fraction, soh_percent, pack_thermal_mass_j_per_k, battery_heater_w, pack_heat_transfer_w_per_k,
    /// ac_max_kw, dc_max_kw.
    /// </summary>
    public static class VehicleConfig
    {
        public static bool TryParse(string text, out VehicleParams vehicle, out string error)
        {
            // Without a preset= line a config starts from the reference vehicle (where one is registered).
            VehicleParams start = VehiclePresets.Create(VehiclePresets.Reference);
            return TryParse(text, start != null ? start : new VehicleParams(), out vehicle, out error);
        }

        /// <summary>Parses over <paramref name="start"/> (changed in place; a preset= line replaces it).</summary>
        public static bool TryParse(string text, VehicleParams start, out VehicleParams vehicle, out string error)
        {
            vehicle = null;
            error = null;
            if (text == null)
            {
                error = "config text is null";
                return false;
            }

            VehicleParams vp = start;
            string[] lines = text.Split('\n');
            bool sawKey = false;
            float cda = -1f, crr = -1f;
            float[] epa = { float.NaN, float.NaN, float.NaN, float.NaN }; // etw lb, A lbf, B lbf/mph, C lbf/mph²: a Test Car List row
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                string where = "line " + (i + 1).ToString() + ": ";
                int eq = line.IndexOf('=');
                if (eq <= 0)
                {
                    error = where + "expected key=value, got '" + line + "'";
                    return false;
                }

                string key = line.Substring(0, eq).Trim().ToLower();
                string value = line.Substring(eq + 1).Trim();
                if (key == "preset")
                {
                    if (sawKey)
                    {
                        error = where + "preset must be the first key";
                        return false;
                    }

                    vp = VehiclePresets.Create(value);
                    if (vp == null)
                    {
                        error = where + "unknown preset '" + value + "'; known: " + VehiclePresets.IdList();
                        return false;
                    }

                    sawKey = true;
                    continue;
                }

                sawKey = true;
                if (key == "name")
                {
                    vp.Name = value;
                    continue;
                }

                if (key == "heat_pump")
                {
                    if (value == "true" || value == "1")
                    {
                        vp.HeatPump = true;
                    }
                    else if (value == "false" || value == "0")
                    {
                        vp.HeatPump = false;
                    }
                    else
                    {
                        error = where + "heat_pump: expected true or false, got '" + value + "'";
                        return false;
                    }

                    continue;
                }

                double d;
                // TextNumber, not double.TryParse: .NET takes "1,500" and nanoFramework's strtod takes "0x1A"; this reads both alike.
                if (!RangeGuard.Common.TextNumber.TryParseDouble(value, out d) || double.IsNaN(d) || double.IsInfinity(d))
                {
                    error = where + key + ": not a number '" + value + "'";
                    return false;
                }

                float f = (float)d;
                string problem = ApplyEpa(vp, key, f, epa);
                if (problem == "")
                {
                    problem = Apply(vp, key, f, ref cda, ref crr);
                }

                if (problem != null)
                {
                    error = where + key + ": " + problem;
                    return false;
                }
            }

            if ((cda >= 0f) != (crr >= 0f))
            {
                error = "cda_m2 and crr must be given together";
                return false;
            }

            int epaGiven = 0;
            for (int k = 0; k < epa.Length; k++)
            {
                epaGiven += float.IsNaN(epa[k]) ? 0 : 1;
            }

            if (epaGiven != 0 && epaGiven != epa.Length)
            {
                error = "etw_lb, a_lbf, b_lbf_per_mph and c_lbf_per_mph2 must be given together";
                return false;
            }

            if (epaGiven > 0 && cda >= 0f)
            {
                error = "give the road load either as an EPA row (etw_lb, a_lbf, ...) or as cda_m2 and crr, not both";
                return false;
            }

            if (epaGiven > 0)
            {
                vp.SetEpaRoadLoad(epa[0], epa[1], epa[2], epa[3]);
            }

            if (cda >= 0f)
            {
                vp.SetPhysicalRoadLoad(vp.MassKg, cda, crr);
            }

            vehicle = vp;
            return true;
        }

        /// <summary>The EPA-unit keys; "" if the key is not one of them.</summary>
        private static string ApplyEpa(VehicleParams vp, string key, float v, float[] epa)
        {
            switch (key)
            {
                case "etw_lb": return Range(v, 500f, 20000f, ref epa[0]);
                case "a_lbf": return Range(v, 0f, 200f, ref epa[1]);
                case "b_lbf_per_mph": return Range(v, -2f, 2f, ref epa[2]);
                case "c_lbf_per_mph2": return Range(v, 0f, 0.2f, ref epa[3]);
                case "epa_udds_wall_wh_per_mi": return Range(v, 0f, 2000f, ref vp.EpaUddsWallWhPerMi);
                case "epa_hwy_wall_wh_per_mi": return Range(v, 0f, 2000f, ref vp.EpaHwyWallWhPerMi);
                default: return "";
            }
        }

        private static string Apply(VehicleParams vp, string key, float v, ref float cda, ref float crr)
        {
            BatteryModel b = vp.Battery;
            switch (key)
            {
                case "mass_kg": return Range(v, 300f, 40000f, ref vp.MassKg);
                case "a_n": return Range(v, 0f, 5000f, ref vp.RoadLoadAN);
                case "b_n_per_mps": return Range(v, -100f, 100f, ref vp.RoadLoadBNPerMps);
                case "c_n_per_mps2": return Range(v, 0f, 10f, ref vp.RoadLoadCNPerMps2);
                case "cda_m2": return Range(v, 0.2f, 15f, ref cda);
                case "crr": return Range(v, 0.001f, 0.05f, ref crr);
                case "traction_efficiency": return Range(v, 0.5f, 1f, ref vp.TractionEfficiency);
                case "regen_efficiency": return Range(v, 0f, 1f, ref vp.RegenEfficiency);
                case "aux_base_w": return Range(v, 0f, 5000f, ref vp.AuxBaseW);
                case "induction_drive_kw": return Range(v, 0f, 2000f, ref vp.InductionDriveKw);
                case "road_load_scale": return Range(v, 0.5f, 2f, ref vp.RoadLoadScale);
                case "startup_energy_wh": return Range(v, 0f, 5000f, ref vp.StartupEnergyWh);
                case "band_sigma_scale": return Range(v, 0.01f, 5f, ref vp.BandSigmaScale);
                case "route_noise_wh_per_sqrt_km": return Range(v, 0f, 1000f, ref vp.RouteNoiseWhPerSqrtKm);
                case "arrival_noise_wh": return Range(v, 0f, 10000f, ref vp.ArrivalNoiseWh);
                case "learner_prior_scale": return Range(v, 0.05f, 5f, ref vp.LearnerPriorScale);
                case "cabin_conductance_w_per_k": return Range(v, 0f, 1000f, ref vp.CabinConductanceWPerK);
                case "cabin_heat_capacity_j_per_k": return Range(v, 0f, 1000000f, ref vp.CabinHeatCapacityJPerK);
                case "ac_cop": return Range(v, 0.5f, 10f, ref vp.AcCop);
                case "battery_nominal_kwh": return Range(v, 5f, 300f, ref b.NominalKwh);
                case "usable_fraction": return Range(v, 0.5f, 1f, ref b.UsableFraction);
                case "soh_percent": return Range(v, 30f, 110f, ref b.SohPercent);
                case "pack_thermal_mass_j_per_k": return Range(v, 1e4f, 1e7f, ref b.ThermalMassJPerK);
                case "battery_heater_w": return Range(v, 0f, 20000f, ref b.HeaterPowerW);
                case "pack_heat_transfer_w_per_k": return Range(v, 0f, 500f, ref b.HeatTransferWPerK);
                case "ac_max_kw": return Range(v, 1f, 50f, ref b.AcMaxKw);
                case "dc_max_kw": return Range(v, 1f, 1000f, ref b.DcMaxKw);
                default: return "unknown key";
            }
        }

        private static string Range(float v, float min, float max, ref float target)
        {
            if (v < min || v > max)
            {
                return "value " + RangeGuard.Common.TextNumber.General(v) + " outside " + RangeGuard.Common.TextNumber.General(min) + ".." + RangeGuard.Common.TextNumber.General(max);
            }

            target = v;
            return null;
        }
    }
}
