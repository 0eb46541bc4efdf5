using Cart;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);

// The key and key id come from configuration (Telemetry:Pseudonymizer:Key and :KeyId; a secret store or
// the environment in production). A missing key stops the service here, at start-up.
builder.Services.AddTelemetryPseudonymizer(builder.Configuration);
builder.Services.AddSingleton<CheckoutEndpoint>();

// ASP.NET Core's instrumentation starts the server span of every request; the service only enriches it.
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddAspNetCoreInstrumentation()
        .AddConsoleExporter());

var app = builder.Build();
app.MapPost("/carts/{cartId}/checkout", (string cartId, CheckoutRequest request, CheckoutEndpoint endpoint) => endpoint.Checkout(cartId, request));
app.Run();
