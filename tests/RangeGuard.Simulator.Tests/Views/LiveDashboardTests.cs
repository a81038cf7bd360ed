using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using RangeGuard.Simulator.Views;

namespace RangeGuard.Simulator.Tests.Views
{
    /// <summary>The live view's rows about where the car is going.</summary>
    [TestClass]
    public class LiveDashboardTests
    {
        private static readonly Scenario Broder = ScenarioCatalog.Load("broder-2013");

        private static ArrivalBand Band(string name, double km, double p50)
            => new() { Exists = true, Name = name, DistanceM = km * 1000, SocP10 = p50 - 5, SocP50 = p50, SocP90 = p50 + 5 };

        private static Dictionary<string, string> Rows(double positionKm, BoardView v)
        {
            var rows = new Dictionary<string, string>();
            foreach ((string name, string text) in LiveDashboard.TripRows(Broder, positionKm * 1000, v))
            {
                rows.Add(name, text);
            }

            return rows;
        }

        [TestMethod]
        public void Destination_row_should_show_the_trips_destination_and_the_next_charger_its_own_row()
        {
            // Leaving Rockville: the agent's plan ends at the next charging stop, Newark, which is also the next charger.
            var v = new BoardView { NextCharger = Band("Newark DE Supercharger", 173.8, 30), Destination = Band("Newark DE Supercharger", 173.8, 30) };
            Dictionary<string, string> rows = Rows(0, v);
            CollectionAssert.AreEqual(new[] { "Next charger", "Destination" }, new List<string>(rows.Keys));
            Assert.AreEqual("Newark DE Supercharger in 173.8 km: arrive 25.0 / [bold]30.0[/] / 35.0 % (P10/P50/P90)", rows["Next charger"]);
            Assert.AreEqual("Milford CT Supercharger SB in 738.3 km [grey](no forecast yet: the plan ends at the next charging stop)[/]", rows["Destination"]);
        }

        [TestMethod]
        public void A_plan_that_ends_beyond_the_next_charger_should_show_that_stop_on_its_own_row()
        {
            var v = new BoardView { NextCharger = Band("Newark DE Supercharger", 0, 47), Destination = Band("Milford CT Supercharger NB", 321.5, -47) };
            Dictionary<string, string> rows = Rows(173.8, v);
            CollectionAssert.AreEqual(new[] { "Next charger", "Next stop", "Destination" }, new List<string>(rows.Keys));
            Assert.AreEqual("Milford CT Supercharger NB in 321.5 km: arrive -52.0 / [bold]-47.0[/] / -42.0 % (P10/P50/P90)", rows["Next stop"]);
            StringAssert.StartsWith(rows["Destination"], "Milford CT Supercharger SB in 564.5 km");
        }

        [TestMethod]
        public void On_the_last_leg_the_destination_row_should_carry_the_forecast()
        {
            var v = new BoardView { Destination = Band("Milford CT Supercharger SB", 98.2, 6) };
            Dictionary<string, string> rows = Rows(640.1, v);
            Assert.AreEqual("Milford CT Supercharger SB in 98.2 km: arrive 1.0 / [bold]6.0[/] / 11.0 % (P10/P50/P90)", rows["Destination"]);
            Assert.AreEqual("[grey]no charger ahead in the plan[/]", rows["Next charger"]);
        }

        [TestMethod]
        public void Without_an_agent_the_rows_should_say_there_is_no_forecast()
        {
            Dictionary<string, string> rows = Rows(100, new BoardView());
            Assert.AreEqual("[grey]no forecast (no agent on this board)[/]", rows["Next charger"]);
            Assert.AreEqual("Milford CT Supercharger SB in 638.3 km", rows["Destination"]);
        }
    }
}
