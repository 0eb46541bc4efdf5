using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyHoldout50.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout50.Transport;

public sealed record JourneySummary(Guid JourneyId, string FromStop, string ToStop, decimal Fare);

public interface IJourneyHistory
{
    Task<bool> IsHotlistedAsync(string cardNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<JourneySummary>> ForCardAsync(string cardNumber, Guid riderId, CancellationToken cancellationToken);
}

public sealed class CardHotlistedException(string cardNumber)
    : Exception($"Card {cardNumber} is hotlisted; its journeys cannot be shown.");

/// <summary>
/// Riders' account endpoints. The transit API registers no exception handler of its own: the host's
/// exception handler middleware logs what escapes an endpoint.
/// </summary>
public static class RiderAccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/cards/{cardNumber}/journeys", async (string cardNumber, ClaimsPrincipal user, IJourneyHistory history, ILogger<JourneySummary> logger, CancellationToken ct) =>
        {
            var riderId = Guid.Parse(user.FindFirst("sub")!.Value);
            if (await history.IsHotlistedAsync(cardNumber, ct))
            {
                throw new CardHotlistedException(cardNumber); // leak TC1001 exceptions
            }

            var journeys = await history.ForCardAsync(cardNumber, riderId, ct);
            logger.LogInformation("Journey history: {Count} journeys for card ending {Last4}", journeys.Count, cardNumber[^4..]); // clean precision-about
            return Results.Ok(journeys);
        }).RequireRateLimiting("card-history");
    }
}

/// <summary>Riders sign in with the transit app; their tokens carry <c>sub</c> (a <c>Guid</c>) and <c>email</c>.</summary>
public static class RiderTokenEvents
{
    public static void Configure(JwtBearerOptions options, Pseudonymizer pseudonymizer, ILogger logger)
    {
        options.Events.OnTokenValidated = context =>
        {
            var riderId = context.Principal?.FindFirst("sub")?.Value ?? string.Empty;
            var concession = context.Principal?.FindFirst("concession")?.Value ?? "none";
            Activity.Current?.SetTag(ApiAttributes.CallerId, pseudonymizer.ComputeApiCallerId(riderId)); // clean precision-pseudonym
            Activity.Current?.SetTag("rider.concession", concession); // clean precision-names
            Activity.Current?.SetBaggage("rider.id", riderId); // leak TC1001 direct
            Activity.Current?.SetTag(ApiAttributes.CallerContact, context.Principal?.FindFirst("email")?.Value); // leak TC1001 generated-api
            using (logger.BeginScope(new Dictionary<string, object?> { ["RiderRef"] = pseudonymizer.ComputeApiCallerId(riderId), ["Concession"] = concession })) // clean precision-pseudonym
            {
                logger.LogDebug("Rider token validated");
            }

            return Task.CompletedTask;
        };

        options.Events.OnAuthenticationFailed = context =>
        {
            logger.LogInformation(context.Exception, "Rider token rejected"); // clean exceptions
            return Task.CompletedTask;
        };
    }
}
