using System;
using RangeGuard.Simulator.Scenarios;
using RangeGuard.Simulator.Validation;

namespace RangeGuard.Simulator.Commands
{
    /// <summary>
    /// Loads the scenario a verb names (built-in name or file), printing every validation error to stderr as
    /// "rangeguard VERB: file: $.json.path: problem".
    /// </summary>
    internal static class ScenarioArgument
    {
        public static bool TryLoad(string name, out Scenario scenario) => TryLoad(name, string.Empty, out scenario);

        public static bool TryLoad(string name, string verb, out Scenario scenario)
        {
            try
            {
                scenario = ScenarioCatalog.Load(name);
                return true;
            }
            catch (InputException ex)
            {
                foreach (InputError e in ex.Errors)
                {
                    Console.Error.WriteLine(CommandError.Format(verb, e.ToString()));
                }

                scenario = null!;
                return false;
            }
        }
    }
}
