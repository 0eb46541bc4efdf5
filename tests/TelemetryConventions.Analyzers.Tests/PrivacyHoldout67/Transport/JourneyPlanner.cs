using System.Net.Http.Json;

namespace PrivacyHoldout67.Transport;

/// <summary>The signed-in rider, as the app's token describes them.</summary>
public sealed record RiderUser(Guid RiderId, string Email, string Concession, string AppVersion);

/// <summary>A trip search; <c>FromText</c> is what the rider typed into the "from" box.</summary>
public sealed record PlanRequest(string FromText, string ToStop, DateTimeOffset DepartAfter, string Mode);

public sealed record PlannedTrip(string RouteId, int Changes, TimeSpan Duration);

/// <summary>The planner found no route; its message quotes both ends as given.</summary>
public sealed class NoRouteException(string from, string to) : Exception($"No route from '{from}' to '{to}'");

/// <summary>The team's tagging helper for the signed-in rider.</summary>
public static class RiderActivityExtensions
{
    public static Activity? SetUserTags(this Activity? activity, RiderUser user)
    {
        activity?.SetTag("enduser.concession", user.Concession); // clean precision-about
        activity?.SetTag("app.version", user.AppVersion);
        activity?.SetTag("enduser.id", user.RiderId.ToString()); // leak TC1001 direct
        return activity;
    }
}

public static class PlannerEndpoints
{
    public static void Map(EndpointRoutes routes) => routes.MapPost("/plan/{mode}", PlanAsync);

    private static async Task<ActionResult> PlanAsync(string mode, PlanRequest request, RiderUser user, PlannerClient planner, Pseudonymizer pseudonymizer)
    {
        var server = Activity.Current;
        server.SetUserTags(user); // leak TC1001 cross-member
        server?.SetTag(TransitAttributes.RiderId, pseudonymizer.ComputeTransitRiderId(user.RiderId.ToString())); // clean precision-pseudonym
        Baggage.SetBaggage("app.version", user.AppVersion); // clean direct
        Baggage.SetBaggage("rider.email", user.Email); // leak TC1001 direct
        var trips = await planner.PlanAsync(request, CancellationToken.None);
        return new OkResult(trips);
    }
}

/// <summary>Calls the journey planner; spans around the call are named from the mode and tagged from the request.</summary>
public sealed class PlannerClient(HttpClient http, ILogger<PlannerClient> logger)
{
    private static readonly ActivitySource Source = new("Transit.Planner.Client");

    public async Task<IReadOnlyList<PlannedTrip>> PlanAsync(PlanRequest request, CancellationToken ct)
    {
        using var activity = Source.StartActivity($"plan {request.Mode}", ActivityKind.Client); // clean strings
        activity?.SetTag("planner.to.stop", request.ToStop);
        activity?.SetTag("planner.depart.hour", request.DepartAfter.Hour);
        activity?.SetTag("planner.from", request.FromText); // leak TC1001 direct
        activity?.SetTag("planner.from.length", request.FromText.Length); // clean precision-about
        try
        {
            var trips = await http.GetFromJsonAsync<List<PlannedTrip>>($"plan?from={Uri.EscapeDataString(request.FromText)}&to={request.ToStop}&mode={request.Mode}", ct) ?? [];
            activity?.SetTag("planner.trips", trips.Count);
            activity?.SetTag("planner.routes", string.Join(",", trips.Select(t => t.RouteId))); // clean direct
            return trips;
        }
        catch (NoRouteException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogInformation("No route for {Rider} to {To}", Baggage.GetBaggage("rider.email"), request.ToStop); // leak TC1001 cross-member
            return [];
        }
        catch (HttpRequestException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return [];
        }
    }
}

/// <summary>Follows the disruption feed; a span and a logging scope per poll.</summary>
public sealed class DisruptionFeedWorker(HttpClient http, ILogger<DisruptionFeedWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Transit.Disruptions");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            using (var activity = Source.StartActivity("disruptions.poll"))
            using (logger.BeginScope("Poll {Poll}", ++poll)) // clean direct
            {
                var lines = await http.GetFromJsonAsync<List<string>>("disruptions", stoppingToken) ?? [];
                activity?.SetTag("disruptions.lines", string.Join(",", lines)); // clean direct
                if (activity is not null)
                {
                    activity.DisplayName = $"disruptions.poll {lines.Count} lines"; // clean strings
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(60), stoppingToken);
        }
    }
}
