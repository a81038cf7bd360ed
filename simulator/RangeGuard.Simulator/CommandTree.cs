using System.CommandLine;
using RangeGuard.Simulator.Commands;

namespace RangeGuard.Simulator
{
    /// <summary>The rangeguard command line. Each verb adds itself here (and its exit code 1 meaning to ExitCodes).</summary>
    public static class CommandTree
    {
        public static RootCommand Build()
        {
            var root = new RootCommand("RangeGuard: EV range-warning agent simulator and host tools.\n"
                + "Errors go to stderr as 'rangeguard <command>: <what>: <why>'; the exit codes are below.");
            root.Add(RunCommand.Create());
            root.Add(ScenariosCommand.Create());
            root.Add(VehiclesCommand.Create());
            root.Add(BenchCommand.Create());
            root.Add(SweepCommand.Create());

            // Host tools around the agent.
            root.Add(ReplayCommand.Create());
            root.Add(DbcCommand.Create());
            root.Add(ProfileCommand.Create());
            root.Add(EvaluateCommand.Create());
            root.Add(DynoCommand.Create());
            root.Add(RouteSendCommand.Create());
            root.Add(MqttBudgetCommand.Create());
            root.Add(FleetCommand.Create());
            ExitCodeHelp.Install(root);
            return root;
        }
    }
}
