using TherapyBilling.Rules.Server;

var app = ServerApp.Build(args);
app.Run();

/// <summary>The entry point; public so that tests can host the server with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
