namespace PrivacyHoldout129.Media;

public sealed record ExportRequest(Guid MemberId, string Destination, DateOnly From, DateOnly To);

public sealed record ExportedWorkout(string WorkoutId, string ClassTitle, string InstructorName, DateTimeOffset At, int Minutes, double OutputKj);

public interface IWorkoutHistory
{
    Task<IReadOnlyList<ExportedWorkout>> RangeAsync(Guid memberId, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    Task<string?> LinkedTokenAsync(Guid memberId, string destination, CancellationToken cancellationToken);

    Task<string> EmailAsync(Guid memberId, CancellationToken cancellationToken);
}

/// <summary>Members push their class history to their linked activity account.</summary>
public static class WorkoutHistoryExportEndpoints
{
    private static readonly ActivitySource Source = new("RideCast.Export");
    private static readonly Meter Meter = new("RideCast.Export");
    private static readonly Counter<long> Exported = Meter.CreateCounter<long>("ridecast.export.workouts");

    public static EndpointRoutes MapWorkoutExport(this EndpointRoutes routes) => routes.MapPost("/members/{memberId}/exports", ExportAsync);

    private static async Task<ActionResult> ExportAsync(ExportRequest request, IWorkoutHistory history, IActivityClient client, Pseudonymizer pseudonymizer, ILogger<ExportRequest> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartRidecastSync(ridecastSource: request.Destination);
        span.SetRidecastMemberId(pseudonymizer.PseudonymizeRidecastMemberId(request.MemberId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("http.route", "/members/{memberId}/exports"); // clean precision-names
        span.Activity?.SetTag("url.path", $"/members/{request.MemberId}/exports"); // leak TC1001 strings
        span.Activity?.SetTag("export.days", request.To.DayNumber - request.From.DayNumber); // clean precision-about
        using var scope = logger.BeginScope("Export for {MemberId}", request.MemberId); // leak TC1001 logging-objects

        var token = await history.LinkedTokenAsync(request.MemberId, request.Destination, cancellationToken);
        if (token is null)
        {
            var email = await history.EmailAsync(request.MemberId, cancellationToken);
            span.Activity?.SetTag(RidecastAttributes.Contact, pseudonymizer.Compute("member-contact", email)); // leak TC1001 precision-pseudonym
            logger.LogInformation("No linked account; reconnect link sent to {Email}", email); // leak TC1001 direct
            return new BadRequestResult("not linked");
        }

        var workouts = await history.RangeAsync(request.MemberId, request.From, request.To, cancellationToken);
        span.SetRidecastSampleCount(workouts.Count); // clean precision-about
        logger.LogInformation("Exporting {Workouts}", workouts.Select(w => w.WorkoutId)); // clean precision-names
        logger.LogDebug("Exporting {@First}", workouts.FirstOrDefault()); // leak TC1001 logging-objects

        var failed = 0;
        foreach (var workout in workouts)
        {
            try
            {
                await client.UploadAsync(token, Encoding.UTF8.GetBytes(workout.WorkoutId), $"ridecast-{workout.WorkoutId}", cancellationToken);
                Exported.Add(1, new KeyValuePair<string, object?>("destination", request.Destination), new KeyValuePair<string, object?>("instructor", workout.InstructorName)); // leak TC1003 cross-member
            }
            catch (DuplicateUploadException ex)
            {
                span.Activity?.AddEvent(new ActivityEvent("export.duplicate", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // clean exceptions
            }
            catch (AthleteUnauthorizedException ex)
            {
                failed++;
                span.Activity?.AddEvent(new ActivityEvent("export.unauthorised", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
                break;
            }
        }

        span.SetRidecastOutcome(failed == 0 ? "exported" : "unauthorised"); // clean generated-api
        return new OkResult(workouts.Count - failed);
    }
}
