using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Transport;

public sealed record OperatorClient(string ClientId, string OperatorName, byte[] SecretHash, string[] AllowedScopes, string Depot);

public interface IOperatorClientStore
{
    Task<OperatorClient?> FindAsync(string clientId, CancellationToken cancellationToken = default);
}

public interface ITokenIssuer
{
    string Issue(IEnumerable<Claim> claims, TimeSpan lifetime);
}

/// <summary>
/// The token endpoint for bus operators' back-office systems (client credentials), and the bearer
/// events of the driver app, whose drivers sign in with their staff number.
/// </summary>
public static class OperatorTokenEndpoint
{
    private static readonly ActivitySource Source = new("Transit.Tokens");
    private static readonly Meter Meter = new("Transit.Tokens");
    private static readonly Counter<long> Issued = Meter.CreateCounter<long>("tokens.issued");

    public static async Task<IResult> TokenAsync(HttpContext http, IOperatorClientStore clients, ITokenIssuer issuer, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Transit.Tokens");
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        form.TryGetValue("client_id", out var clientId);
        form.TryGetValue("client_secret", out var clientSecret);
        form.TryGetValue("scope", out var scope);

        using var span = Source.StartIdentitySignIn(IdentityMethod.ClientCredentials);
        span.SetIdentityClientId(clientId ?? "missing"); // clean generated-api
        var client = clientId is null ? null : await clients.FindAsync(clientId, http.RequestAborted);
        if (client is null || clientSecret is null || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(clientSecret)), client.SecretHash))
        {
            span.SetIdentityOutcome(IdentityOutcome.Failed).SetIdentityFailureReason(client is null ? "unknown client" : "bad secret");
            logger.LogWarning("Client credentials rejected for {ClientId}", clientId); // clean precision-names
            return Results.Unauthorized();
        }

        var requested = (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var granted = requested.Intersect(client.AllowedScopes).ToArray();
        var token = issuer.Issue(granted.Select(s => new Claim("scope", s)).Append(new Claim("client_id", client.ClientId)), TimeSpan.FromHours(1));

        span.SetIdentityOutcome(IdentityOutcome.Success).SetIdentityTenant(client.OperatorName); // clean precision-names
        Activity.Current?.SetTag("tokens.scopes", string.Join(" ", granted)); // clean precision-about
        Activity.Current?.SetTag("tokens.depot", client.Depot);
        Issued.Add(1, new KeyValuePair<string, object?>("client_id", client.ClientId), new("scopes", granted.Length)); // clean precision-names
        logger.LogDebug("Issued token {Token} to {ClientId}", token[..8] + "…", client.ClientId); // clean precision-about
        return Results.Ok(new { access_token = token, token_type = "Bearer", expires_in = 3600 });
    }
}

public sealed partial class DriverAppJwtEvents(Pseudonymizer pseudonymizer, ILogger<DriverAppJwtEvents> logger) : JwtBearerEvents
{
    public override Task MessageReceived(MessageReceivedContext context)
    {
        // The duty board hub cannot send headers from the browser: the token comes in the query string.
        if (context.Request.Path.StartsWithSegments("/hubs/duty") && context.Request.Query.TryGetValue("access_token", out var token))
        {
            context.Token = token;
            logger.LogDebug("Hub connection {Path}{Query}", context.Request.Path, context.Request.QueryString); // leak TC1001 strings
        }
        return Task.CompletedTask;
    }

    public override Task TokenValidated(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var staffNumber = principal.FindFirstValue("staff_number");
        var depot = principal.FindFirstValue("depot");
        var jwt = (JsonWebToken)context.SecurityToken;

        var span = Activity.Current.EnrichIdentitySignIn(IdentityMethod.Password).SetIdentityTenant(depot ?? "unknown"); // clean generated-api
        if (staffNumber is not null)
        {
            span.SetIdentityAccountId(pseudonymizer.PseudonymizeIdentityAccountId(staffNumber)); // clean precision-pseudonym
        }

        Activity.Current?.SetTag("driver.auth_time", jwt.IssuedAt.ToString("O"));
        Activity.Current?.SetTag("driver.session", principal.FindFirstValue(JwtRegisteredClaimNames.Sid)); // clean precision-names
        LogDriverSignedIn(logger, staffNumber, depot); // leak TC1001 direct
        return Task.CompletedTask;
    }

    public override Task Forbidden(ForbiddenContext context)
    {
        var staffNumber = context.HttpContext.User.FindFirstValue("staff_number");
        Activity.Current?.SetTag("driver.forbidden.path", context.Request.Path.Value); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent($"driver {staffNumber} forbidden")); // leak TC1001 strings
        return Task.CompletedTask;
    }

    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        Activity.Current?.AddException(context.Exception); // clean exceptions
        Activity.Current?.SetTag("driver.token", context.Request.Headers.Authorization.Replace("Bearer ", string.Empty)); // leak TC1001 direct
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Driver {StaffNumber} signed in at depot {Depot}")]
    private static partial void LogDriverSignedIn(ILogger logger, string? staffNumber, string? depot);
}
