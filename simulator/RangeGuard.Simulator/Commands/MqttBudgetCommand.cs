using System.CommandLine;
using RangeGuard.Simulator.Mqtt;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>`rangeguard mqtt budget [scenario]`: message sizes, rates per driving hour and offline capacity (hardware-docs/mqtt-budget.md).</summary>
    public static class MqttBudgetCommand
    {
        public static Command Create()
        {
            var scenario = new Argument<string>("scenario") { Description = "Scenario to drive (default: broder-2013).", DefaultValueFactory = _ => "broder-2013" };
            var budget = new Command("budget", "Run a scenario and measure its MQTT traffic at the default cadence and how long the outbox lasts offline.") { scenario };
            budget.SetAction(p =>
            {
                if (!ScenarioArgument.TryLoad(p.GetValue(scenario)!, out Scenario s))
                {
                    return ExitCodes.BadInput;
                }

                MqttBudget.Print(System.Console.Out, MqttBudget.Measure(s));
                return ExitCodes.Ok;
            });
            return new Command("mqtt", "MQTT measurements.") { budget };
        }
    }
}
