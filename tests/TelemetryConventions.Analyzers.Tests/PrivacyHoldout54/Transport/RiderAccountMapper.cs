using System.Text.Json;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Transport;

public sealed class RiderDto
{
    public Guid RiderId { get; set; }

    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Concession { get; set; } = "";

    public string HomeOperator { get; set; } = "";

    public List<string> CardNumbers { get; set; } = [];
}

public sealed class RiderViewModel
{
    public string Greeting { get; set; } = "";

    public string Concession { get; set; } = "";

    public int CardCount { get; set; }

    public string AccountLink { get; set; } = "";
}

public sealed record RiderRegistered(Guid RiderId, string Email, string Concession, DateTimeOffset RegisteredAt);

public static class RiderMappings
{
    public static RiderViewModel ToViewModel(this RiderDto rider) => new()
    {
        Greeting = $"Hello, {rider.DisplayName}",
        Concession = rider.Concession,
        CardCount = rider.CardNumbers.Count,
        AccountLink = $"/riders/{rider.RiderId}/account",
    };

    public static RiderRegistered ToRegistered(this RiderDto rider, DateTimeOffset at) =>
        new(rider.RiderId, rider.Email, rider.Concession, at);

    /// <summary>"Name=value" for each public property of the object, for debug logs.</summary>
    public static string ToLogString(this object value) =>
        string.Join(" ", value.GetType().GetProperties().Select(p => $"{p.Name}={p.GetValue(value)}"));
}

public sealed class RiderAccountService(ILogger<RiderAccountService> logger, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _registrations = meter.CreateCounter<long>("transit.riders.registered");

    public RiderViewModel Register(RiderDto rider, bool emailAlreadyRegistered)
    {
        using var span = source.StartModelOperation("register", nameof(RiderDto));
        var activity = span.Activity;
        using var scope = logger.BeginScope((Rider: rider.RiderId, Channel: "app")); // leak TC1001 logging-objects
        using var operatorScope = logger.BeginScope(new[] { new KeyValuePair<string, object?>("Operator", rider.HomeOperator) });

        var view = rider.ToViewModel();
        logger.LogDebug("View {View}", view.ToLogString()); // leak TC1001 cross-member
        activity?.SetTag("transit.view.concession", view.Concession); // clean cross-member
        activity?.SetTag("transit.view.link", view.AccountLink); // leak TC1001 cross-member
        activity?.SetTag("transit.view.cards", view.CardCount);
        logger.LogDebug("Rider {Rider}", rider.ToLogString()); // leak TC1001 strings

        var registered = rider.ToRegistered(DateTimeOffset.UtcNow);
        activity?.SetTag("transit.rider.registered", JsonSerializer.Serialize(registered with { Email = registered.Email[(registered.Email.IndexOf('@') + 1)..], RiderId = Guid.Empty })); // clean logging-objects
        span.SetModelSubjectId(pseudonymizer.PseudonymizeModelSubjectId(registered.RiderId.ToString())); // clean precision-pseudonym
        if (emailAlreadyRegistered)
        {
            logger.LogModelRejectedEvent(nameof(RiderRegistered), "duplicate-email", modelNote: $"{registered.Email} already registered"); // leak TC1001 generated-api
            return view;
        }

        activity?.SetTag("transit.rider.cards.last4", string.Join(",", rider.CardNumbers.Select(c => c[^4..]))); // clean precision-about

        _registrations.Add(1, new KeyValuePair<string, object?>("concession", rider.Concession), new KeyValuePair<string, object?>("operator", rider.HomeOperator)); // clean direct
        _registrations.Add(1, new KeyValuePair<string, object?>("rider", pseudonymizer.PseudonymizeModelSubjectId(rider.RiderId.ToString()))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Rider count for {Operator} now {RiderCount}", rider.HomeOperator, 1); // clean precision-names
        return view;
    }
}
