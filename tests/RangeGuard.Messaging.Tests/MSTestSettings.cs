using Microsoft.VisualStudio.TestTools.UnitTesting;

// Each class has its own broker on its own port, so classes may run side by side.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 2)]
