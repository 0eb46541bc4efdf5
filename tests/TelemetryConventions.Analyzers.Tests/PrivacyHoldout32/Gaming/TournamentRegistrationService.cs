using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Gaming;

public sealed record RegistrationRequest(Guid PlayerId, string Gamertag, string Region, string Platform, string? TeamName, string TimeZoneId);

public sealed record TournamentSlots(Guid TournamentId, string Title, int Capacity, int Registered, DateTimeOffset StartsAt);

public sealed class DuplicateRegistrationException(string gamertag, string title)
    : Exception($"{gamertag} is already registered for {title}");

public interface ITournamentStore
{
    Task<TournamentSlots> GetAsync(Guid tournamentId, CancellationToken cancellationToken);

    Task<int> WaitlistAsync(Guid tournamentId, Guid playerId, CancellationToken cancellationToken);

    Task RegisterAsync(Guid tournamentId, RegistrationRequest request, CancellationToken cancellationToken);
}

/// <summary>Registers players into a tournament's bracket slots; once the bracket is full they join the waitlist.</summary>
public sealed class TournamentRegistrationService(ITournamentStore store, Pseudonymizer pseudonymizer, Meter meter, ILogger<TournamentRegistrationService> logger)
{
    private static readonly ActivitySource Source = new("Game.Tournaments");

    public async Task<string> RegisterAsync(Guid tournamentId, RegistrationRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartBookingReserve(request.Region, spanName: "tournament.register");
        span.SetBookingSubjectId(pseudonymizer.PseudonymizeBookingSubjectId(request.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("tournament.id", tournamentId); // clean precision-about
        Activity.Current?.SetTag("tournament.platform", request.Platform); // clean precision-about
        Activity.Current?.SetBaggage("player.id", request.PlayerId.ToString()); // leak TC1001 direct

        var slots = await store.GetAsync(tournamentId, cancellationToken);
        Activity.Current?.SetTag("tournament.smurf_key", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.Gamertag.ToLowerInvariant())))[..12]); // leak TC1002 hashes
        var seedBucket = Math.Abs(request.PlayerId.ToString().GetHashCode()) % 8;
        Activity.Current?.SetTag("tournament.seed_bucket", seedBucket); // leak TC1002 hashes

        if (slots.Registered >= slots.Capacity)
        {
            var position = await store.WaitlistAsync(tournamentId, request.PlayerId, cancellationToken);
            span.SetBookingOutcome("waitlisted");
            Activity.Current?.SetTag("tournament.waitlist.position", position); // clean precision-about
            logger.LogInformation("{Gamertag} is number {Position} on the waitlist of {Tournament}", request.Gamertag, position, slots.Title); // leak TC1001 direct
            meter.CreateBookingConfirmationsCounter().Add(1, bookingSite: request.Region, bookingOutcome: "waitlisted"); // clean precision-about
            return "waitlisted";
        }

        try
        {
            await store.RegisterAsync(tournamentId, request, cancellationToken);
        }
        catch (DuplicateRegistrationException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogInformation("Duplicate registration refused ({Error})", ex.GetType().Name); // clean exceptions
            return "duplicate";
        }

        span.SetBookingOutcome("registered").SetBookingSlotCount(slots.Registered + 1);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(request.TimeZoneId);
        var localStart = TimeZoneInfo.ConvertTime(slots.StartsAt, zone);
        Activity.Current?.SetTag("player.time_zone", zone.Id); // clean precision-names
        Activity.Current?.SetTag("tournament.local_start_hour", localStart.Hour); // clean precision-about
        Activity.Current?.SetTag("tournament.team", request.TeamName); // clean precision-about
        logger.LogInformation("Registered {Registration} for {Tournament}", request, slots.Title); // leak TC1001 logging-objects
        meter.CreateBookingConfirmationsCounter().Add(1, bookingSite: request.Region, bookingOutcome: $"registered:{request.Gamertag}"); // leak TC1003 strings
        return "registered";
    }
}
