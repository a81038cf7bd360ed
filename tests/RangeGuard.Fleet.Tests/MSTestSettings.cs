using Microsoft.VisualStudio.TestTools.UnitTesting;

// Each class starts its own brokers, databases and servers on free ports, so two classes may run side by side.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 2)]
