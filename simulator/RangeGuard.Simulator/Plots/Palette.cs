using RangeGuard.Simulator.Scenarios;
using ScottPlot;

namespace RangeGuard.Simulator.Plots
{
    /// <summary>The plots' colours: one per meaning, the same in every figure.</summary>
    public static class Palette
    {
        public static readonly Color Soc = Colors.Blue;
        public static readonly Color Charger = Colors.ForestGreen;
        public static readonly Color Destination = Colors.DarkOrange;
        public static readonly Color NextCharger = Colors.Purple;
        public static readonly Color Display = Colors.MediumPurple;
        public static readonly Color Speed = Colors.DimGray;

        public static Color Severity(AlertSeverity s) => s switch
        {
            AlertSeverity.Critical => Colors.Red,
            AlertSeverity.Warning => Colors.OrangeRed,
            AlertSeverity.Advisory => Colors.DarkGoldenRod,
            _ => Colors.SteelBlue,
        };
    }
}
