namespace PrivacyHoldout126.Transport;

/// <summary>A rider's rating of a demand-responsive trip and its driver: stars, tags from the app's list, an optional comment.</summary>
public sealed record TripRating(string TripId, Guid RiderId, string DriverStaffNumber, string DriverFirstName, int Stars, IReadOnlyList<string> Tags, string? Comment, string VehicleFleetNumber);

public sealed record DriverRatingSummary(string DriverStaffNumber, double Average, int Count);

public sealed class RatingAfterWindowException(string tripId, TimeSpan age)
    : Exception($"Trip {tripId} can no longer be rated ({age.TotalDays:0} days old)");

public sealed partial class TripRatingService(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<TripRatingService> logger)
{
    private static readonly ActivitySource Source = new("Transit.Ratings");
    private static readonly Meter Meter = new("Transit.Ratings");
    private static readonly Histogram<int> StarsByRoute = Meter.CreateHistogram<int>("trip.rating.stars");
    private static readonly Histogram<double> DriverAverage = Meter.CreateHistogram<double>("driver.rating.average");

    public void Rate(TripRating rating, string routeId, DateTimeOffset tripEndedAt)
    {
        using var span = Source.StartTriprateSubmit(rating.TripId)
            .SetTriprateStation(routeId) // clean precision-names
            .SetTriprateRating(rating.Stars) // clean precision-about
            .SetTriprateAuthorId(pseudonymizer.PseudonymizeTriprateAuthorId(rating.RiderId.ToString())); // clean precision-pseudonym

        span.Activity?.SetTag("triprate.tags", string.Join(",", rating.Tags)); // clean precision-names
        span.Activity?.SetTag("triprate.vehicle", rating.VehicleFleetNumber); // clean precision-names
        span.Activity?.SetTag("triprate.driver", rating.DriverStaffNumber); // leak TC1001 direct
        span.Activity?.SetTag("triprate.driver.id", pseudonymizer.ComputeTriprateModeratorId(rating.DriverStaffNumber)); // clean precision-pseudonym
        StarsByRoute.Record(rating.Stars, new KeyValuePair<string, object?>("route", routeId)); // clean precision-names
        logger.LogInformation("Trip {TripId} rated {Stars} by rider {RiderId}", rating.TripId, rating.Stars, rating.RiderId); // leak TC1001 direct
        logger.LogDebug("Rating {Rating}", rating); // leak TC1001 logging-objects
        logger.LogDebug(string.Format(CultureInfo.InvariantCulture, "rating {0} for {1}", rating.TripId, rating.DriverStaffNumber)); // leak TC1001 strings
        logger.LogDebug("Rating tags " + string.Join("|", rating.Tags) + " on " + routeId); // clean strings

        if (rating.Comment is { Length: > 0 } comment)
        {
            span.Activity?.SetTag("triprate.comment.length", comment.Length); // clean precision-about
            span.Activity?.AddEvent(new ActivityEvent("triprate.comment", tags: new ActivityTagsCollection { ["text"] = comment })); // leak TC1001 direct
        }

        if (rating.Stars <= 2)
        {
            span.SetTriprateNote($"low rating for driver {rating.DriverFirstName} on {routeId}"); // leak TC1001 generated-api
            span.SetTriprateOutcome("low"); // clean generated-api
        }

        try
        {
            var age = DateTimeOffset.UtcNow - tripEndedAt;
            if (age > TimeSpan.FromDays(7))
            {
                throw new RatingAfterWindowException(rating.TripId, age);
            }
        }
        catch (RatingAfterWindowException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogInformation(ex, "Late rating"); // clean exceptions
        }

        var bucket = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, rating.RiderId.ToByteArray())) % 20;
        span.Activity?.SetTag("triprate.survey.bucket", bucket); // clean hashes
    }

    public void PublishDriverSummaries(IReadOnlyList<DriverRatingSummary> summaries)
    {
        foreach (var summary in summaries)
        {
            DriverAverage.Record(summary.Average, new KeyValuePair<string, object?>("driver", summary.DriverStaffNumber)); // leak TC1003 direct
            DriverAverage.Record(summary.Average, new KeyValuePair<string, object?>("depot", "north")); // clean precision-names
        }

        logger.LogInformation("Driver averages {Averages}", summaries.Select(s => Math.Round(s.Average, 1)).ToList()); // clean precision-about
        logger.LogInformation("Drivers below 4.2: {Drivers}", summaries.Where(s => s.Average < 4.2).Select(s => s.DriverStaffNumber).ToList()); // leak TC1001 logging-objects
        LogSummaries(logger, summaries.Count, string.Join(",", summaries.Select(s => s.DriverStaffNumber))); // leak TC1001 strings
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} driver summaries for {Drivers}")]
    private static partial void LogSummaries(ILogger logger, int count, string drivers);
}
