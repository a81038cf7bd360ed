// Compiles on .NET; must NOT compile against nanoFramework's mscorlib alone (see MscorlibProbe.csproj).
namespace GuardProbe
{
    public static class MscorlibProbe
    {
        public static string Use()
        {
            var text = new System.Text.StringBuilder();
            var list = new System.Collections.Queue();
            list.Enqueue(System.Math.Exp(1.0));
            text.Append(list.Count);
            return text.ToString();
        }
    }
}
