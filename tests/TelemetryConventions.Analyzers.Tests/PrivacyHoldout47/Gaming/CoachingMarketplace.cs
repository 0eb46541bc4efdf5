using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout47.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout47.Gaming;

// Players hire coaches (other players, paid per session) through the platform; both leave a review
// after the session.

public sealed record Coach(Guid PlayerId, string Gamertag, string Rank, string PrimaryRole, double AverageRating, int SessionsCoached);

public sealed record CoachingBooking(string BookingId, Guid CoachPlayerId, Guid StudentPlayerId, string Game, int Minutes, decimal Price);

public sealed record SessionReview(string ReviewId, string BookingId, Guid AuthorPlayerId, Guid SubjectPlayerId, int Stars, string Text, bool AuthorIsCoach);

public interface ICoachRoster
{
    Task<Coach?> GetAsync(Guid playerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Coach>> TopAsync(string game, int count, CancellationToken cancellationToken);
}

public sealed class CoachingEndpoints(ICoachRoster roster, ILogger<CoachingEndpoints> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    public void Map(EndpointRoutes routes)
    {
        routes.MapPost("/coaching/bookings", BookAsync);
        routes.MapPost("/coaching/reviews", ReviewAsync);
        routes.MapGet("/coaching/top/{game}", TopAsync);
    }

    private async Task<object> BookAsync(CoachingBooking booking, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("coaching.booking.id", booking.BookingId); // clean precision-about
        activity?.SetTag("coaching.game", booking.Game); // clean precision-about
        activity?.SetTag("coaching.student", booking.StudentPlayerId); // leak TC1001 direct

        var coach = await roster.GetAsync(booking.CoachPlayerId, cancellationToken);
        if (coach is null)
        {
            return new NotFoundResult("coach");
        }

        activity?.SetTag("coaching.coach.gamertag", coach.Gamertag); // leak TC1001 cross-member
        activity?.SetTag("coaching.coach.rank", coach.Rank); // clean precision-about
        activity?.SetTag("coaching.coach.sessions", coach.SessionsCoached); // clean precision-about
        activity?.EnrichMarketBooking("coaching").SetMarketPartyId(pseudonymizer.PseudonymizeMarketPartyId(coach.PlayerId.ToString())); // clean generated-api
        meter.CreateCounter<int>("coaching.bookings").Add(1, new KeyValuePair<string, object?>("coach.role", coach.PrimaryRole)); // clean precision-names
        meter.CreateCounter<int>("coaching.bookings.per_coach").Add(1, new KeyValuePair<string, object?>("coach", coach.Gamertag)); // leak TC1003 cross-member
        return new OkResult(booking.BookingId);
    }

    private Task<object> ReviewAsync(SessionReview review)
    {
        var activity = Activity.Current;
        activity?.SetTag("review.id", review.ReviewId); // clean precision-about
        activity?.SetTag("review.stars", review.Stars); // clean precision-about
        activity?.SetTag("review.author_is_coach", review.AuthorIsCoach); // clean precision-about
        activity?.SetTag("review.subject", pseudonymizer.ComputeMarketPartyId(review.SubjectPlayerId.ToString())); // clean precision-pseudonym
        activity?.SetTag("review.author", review.AuthorPlayerId.ToString("N")); // leak TC1001 direct
        logger.LogInformation("Review {ReviewId} on booking {BookingId}: {Stars} stars, {Text}", review.ReviewId, review.BookingId, review.Stars, review.Text); // leak TC1001 strings
        logger.LogInformation("Review {ReviewId} text length {Length}", review.ReviewId, review.Text.Length); // clean precision-about
        return Task.FromResult<object>(new OkResult(review.ReviewId));
    }

    private async Task<object> TopAsync(string game, CancellationToken cancellationToken)
    {
        var top = await roster.TopAsync(game, 10, cancellationToken);
        logger.LogInformation("Top coaches for {Game}: {Coaches}", game, string.Join(", ", top.Select(c => c.Gamertag))); // leak TC1001 strings
        logger.LogInformation("Top coaches for {Game}: {Count}, best rating {Best}", game, top.Count, top.Max(c => c.AverageRating)); // clean precision-about
        return new OkResult(top);
    }
}
