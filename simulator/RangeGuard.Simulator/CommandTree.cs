using System.CommandLine;
using RangeGuard.Simulator.Commands;

namespace RangeGuard.Simulator
{
    /// <summary>The rangeguard command line. Each verb adds itself here.</summary>
    public static class CommandTree
    {
        public static RootCommand Build()
        {
            var root = new RootCommand("RangeGuard: EV range-warning agent simulator and host tools.\n"
                + "Exit codes: 0 ok, 1 a --check expectation failed, 2 bad arguments or input files.");
            root.Add(RunCommand.Create());
            root.Add(ScenariosCommand.Create());
            root.Add(BenchCommand.Create());
            root.Add(SweepCommand.Create());

            // Host tools around the agent.
            root.Add(ReplayCommand.Create());
            root.Add(EvaluateCommand.Create());
            root.Add(DynoCommand.Create());
            return root;
        }
    }
}
