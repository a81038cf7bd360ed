using System;
using System.Collections.Generic;
using System.IO;
using RangeGuard.Host.Vehicles;
using RangeGuard.Simulator.Validation;

namespace RangeGuard.Simulator.Physics
{
    /// <summary>
    /// Loads truth-model vehicle files (truth.json of a vehicle folder, firmware/vehicles/&lt;id&gt;/, or any file;
    /// units in the field names, road load in the EPA test-car-list units) and converts them to SI. Collects every
    /// problem with its JSON path.
    /// </summary>
    public static class VehicleLoader
    {
        public const double NPerLbf = 4.448222;
        public const double NPerLbfPerMph = 9.950389;
        public const double NPerLbfPerMph2 = 22.258387;
        public const double KgPerLb = 0.45359237;

        /// <summary>Ids of the vehicle folders that have a truth model.</summary>
        public static IReadOnlyList<string> PresetIds()
        {
            var ids = new List<string>();
            foreach (VehicleFolder v in VehicleCatalog.All)
            {
                if (v.HasTruth)
                {
                    ids.Add(v.Id);
                }
            }

            return ids;
        }

        /// <summary>Loads a vehicle folder's truth model by id; throws <see cref="InputException"/> naming the known ids if absent.</summary>
        public static VehicleParameters LoadPreset(string id, string referringFile = "vehicle", string referringPath = "$.vehicle")
        {
            VehicleFolder? folder = VehicleCatalog.Find(id);
            string? text = folder?.TruthText;
            if (text == null)
            {
                throw new InputException(referringFile, referringPath,
                    $"unknown vehicle preset \"{id}\" (known: {string.Join(", ", PresetIds())})");
            }

            VehicleParameters p = LoadText(id + "/" + VehicleFolder.TruthFile, text);
            if (p.Id != id)
            {
                throw new InputException(id + "/" + VehicleFolder.TruthFile, "$.id", $"\"{p.Id}\" must equal the folder name \"{id}\"");
            }

            return p;
        }

        public static VehicleParameters LoadFile(string path) => LoadText(Path.GetFileName(path), File.ReadAllText(path));

        /// <summary>Reads a vehicle file's text; <paramref name="name"/> names it in error messages.</summary>
        public static VehicleParameters LoadText(string name, string text)
        {
            var errors = new List<InputError>();
            JsonCursor? root = JsonCursor.Parse(name, text, errors);
            VehicleParameters? p = root == null ? null : Read(root);
            if (errors.Count > 0 || p == null)
            {
                throw new InputException(errors);
            }

            return p;
        }

        /// <summary>Reads a vehicle object (a file's root or an inline "vehicle" object of a scenario).</summary>
        public static VehicleParameters? Read(JsonCursor v)
        {
            int before = v.Errors.Count;
            v.AllowOnly("id", "name", "sources", "notes", "roadLoad", "drivetrain", "battery", "cabin", "charging", "ratedRangeKm",
                "displayHiddenSocPercentByTempC");
            string id = v.RequiredString("id");
            string name = v.OptionalString("name") ?? id;

            JsonCursor? rl = v.Object("roadLoad", required: true);
            JsonCursor? dt = v.Object("drivetrain", required: true);
            JsonCursor? b = v.Object("battery", required: true);
            JsonCursor? c = v.Object("cabin", required: true);
            JsonCursor? ch = v.Object("charging", required: true);
            if (rl == null || dt == null || b == null || c == null || ch == null)
            {
                return null;
            }

            rl.AllowOnly("aLbf", "bLbfPerMph", "cLbfPerMph2", "etwLb", "referenceTempC", "rollingTempCoeffPerC", "rollingFactorMax");
            dt.AllowOnly("tractionEfficiency", "regenEfficiency", "regenMaxDecelMps2", "maxRegenKw", "maxDriveKw",
                "regenTempFactor", "regenSocFactor");
            b.AllowOnly("nominalKwh", "cellsInSeries", "cellOcvV", "cellMinV", "cellMaxV", "resistance25COhm",
                "resistanceTempFactor", "socFloorPercentByTempC", "massKg", "specificHeatJPerKgK", "uaParkedWPerK",
                "uaDrivingWPerK", "heaterKw", "bmsDriveHeatBelowC", "bmsChargeHeatBelowC", "chargeHeaterMaxShare");
            c.AllowOnly("heater", "heaterMaxKw", "uaWPerK", "heatCapacityKjPerK", "heatPumpCop", "acCop", "solarGainW",
                "baseAuxW", "parkedDrainW");
            ch.AllowOnly("maxAcKw", "maxDcKw", "acEfficiency", "dcEfficiency", "dcTaperBySocPercent", "maxChargeCRateByTempC");

            var p = new VehicleParameters
            {
                Id = id,
                Name = name,
                RoadLoadAN = rl.RequiredNumber("aLbf", 0, 200) * NPerLbf,
                RoadLoadBNPerMps = rl.RequiredNumber("bLbfPerMph", -2, 2) * NPerLbfPerMph,
                RoadLoadCNPerMps2 = rl.RequiredNumber("cLbfPerMph2", 0, 0.2) * NPerLbfPerMph2,
                TestMassKg = rl.RequiredNumber("etwLb", 500, 20000) * KgPerLb,
                RoadLoadReferenceTempC = rl.Number("referenceTempC", 20, -40, 50),
                RollingTempCoeffPerC = rl.Number("rollingTempCoeffPerC", 0.008, 0, 0.05),
                RollingFactorMax = rl.Number("rollingFactorMax", 1.3, 1, 3),

                TractionEfficiency = dt.RequiredNumber("tractionEfficiency", 0.3, 1),
                RegenEfficiency = dt.RequiredNumber("regenEfficiency", 0, 1),
                RegenMaxDecelMps2 = dt.Number("regenMaxDecelMps2", 2, 0.1, 10),
                MaxRegenPowerW = dt.RequiredNumber("maxRegenKw", 0, 1000) * 1000,
                MaxDrivePowerW = dt.RequiredNumber("maxDriveKw", 1, 2000) * 1000,
                RegenTempFactor = TableOr(dt, "regenTempFactor", 1, 0, 1),
                RegenSocFactor = TableOr(dt, "regenSocFactor", 1, 0, 1),

                NominalEnergyKwh = b.RequiredNumber("nominalKwh", 1, 500),
                CellsInSeries = (int)b.RequiredNumber("cellsInSeries", 1, 400),
                CellOcvV = TableRequired(b, "cellOcvV", 1.5, 5),
                CellMinV = b.RequiredNumber("cellMinV", 1.5, 5),
                CellMaxV = b.RequiredNumber("cellMaxV", 1.5, 5),
                PackResistance25COhm = b.RequiredNumber("resistance25COhm", 0.001, 5),
                ResistanceTempFactor = TableOr(b, "resistanceTempFactor", 1, 0.1, 100),
                SocFloorPercentByTemp = TableOr(b, "socFloorPercentByTempC", 0, 0, 50),
                PackMassKg = b.RequiredNumber("massKg", 1, 5000),
                PackSpecificHeatJPerKgK = b.Number("specificHeatJPerKgK", 1000, 100, 5000),
                PackUaParkedWPerK = b.RequiredNumber("uaParkedWPerK", 0, 1000),
                PackUaDrivingWPerK = b.RequiredNumber("uaDrivingWPerK", 0, 1000),
                BatteryHeaterW = b.Number("heaterKw", 0, 0, 50) * 1000,
                BmsDriveHeatBelowC = b.Number("bmsDriveHeatBelowC", -10, -60, 40),
                BmsChargeHeatBelowC = b.Number("bmsChargeHeatBelowC", 5, -60, 40),
                ChargeHeaterMaxShare = b.Number("chargeHeaterMaxShare", 0.5, 0, 1),

                HeatPump = c.Choice("heater", "resistive", "resistive", "heatPump") == "heatPump",
                CabinHeaterMaxW = c.RequiredNumber("heaterMaxKw", 0, 30) * 1000,
                CabinUaWPerK = c.RequiredNumber("uaWPerK", 0, 2000),
                CabinHeatCapacityJPerK = c.Number("heatCapacityKjPerK", 120, 1, 10000) * 1000,
                HeatPumpCop = TableOr(c, "heatPumpCop", 1, 0.5, 10),
                AcCop = c.Number("acCop", 2.5, 0.5, 10),
                SolarGainW = c.Number("solarGainW", 300, 0, 5000),
                BaseAuxW = c.RequiredNumber("baseAuxW", 0, 5000),
                ParkedDrainW = c.Number("parkedDrainW", 30, 0, 2000),

                MaxAcChargeW = ch.RequiredNumber("maxAcKw", 0, 50) * 1000,
                MaxDcChargeW = ch.Number("maxDcKw", 0, 0, 1000) * 1000,
                AcChargeEfficiency = ch.Number("acEfficiency", 0.88, 0.5, 1),
                DcChargeEfficiency = ch.Number("dcEfficiency", 0.95, 0.5, 1),
                DcTaperBySoc = TableOr(ch, "dcTaperBySocPercent", 1, 0, 1),
                MaxChargeCRateByTemp = TableOr(ch, "maxChargeCRateByTempC", 2, 0, 10),

                RatedRangeKm = v.Number("ratedRangeKm", 0, 0, 3000),
                DisplayHiddenSocPercentByTemp = TableOr(v, "displayHiddenSocPercentByTempC", 0, 0, 100),
            };

            if (p.CellMinV >= p.CellMaxV)
            {
                b.Error("cellMinV", "must be below cellMaxV");
            }

            return v.Errors.Count > before ? null : p;
        }

        private static Table1D TableRequired(JsonCursor c, string field, double min, double max)
        {
            var t = c.Table(field, true, min, max);
            return t == null ? Table1D.Constant(min) : new Table1D(t.Value.X, t.Value.Y);
        }

        private static Table1D TableOr(JsonCursor c, string field, double constant, double min, double max)
        {
            var t = c.Table(field, false, min, max);
            return t == null ? Table1D.Constant(constant) : new Table1D(t.Value.X, t.Value.Y);
        }
    }
}
