using System.CommandLine;

namespace RangeGuard.Simulator
{
    /// <summary>Entry point: builds the command tree (one class per verb under Commands/) and runs it.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            RootCommand root = CommandTree.Build();
            return root.Parse(args).Invoke();
        }
    }
}
