using RangeGuard.Fleet;

// rangeguard-fleet: the fleet service. Configuration: appsettings.json beside the binary, environment (Fleet__…), and
// command-line --Fleet:Section:Key=value (README.md).
var app = await FleetApp.CreateAsync(args);
await app.RunAsync();
