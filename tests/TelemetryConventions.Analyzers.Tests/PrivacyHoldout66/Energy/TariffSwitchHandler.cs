namespace PrivacyHoldout66.Energy;

public sealed record TariffSwitchRequested(string AccountNumber, string Mpan, string HolderEmail, string FromTariff, string ToTariff, string Channel, string AccountType, DateTimeOffset RequestedAt);

public sealed record TariffSwitchCompleted(string AccountNumber, string ToTariff, decimal AnnualSavingPounds);

public sealed class SwitchRejectedException(string accountNumber, string reason)
    : Exception($"Switch for account {accountNumber} rejected: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>Tag helpers of the switching team: they only build the tags, the caller records.</summary>
public static class SwitchTags
{
    public static TagList For(TariffSwitchRequested request) => new()
    {
        { "tariff.from", request.FromTariff },
        { "tariff.to", request.ToTariff },
        { "channel", request.Channel },
    };

    public static TagList ForAccount(TariffSwitchRequested request)
    {
        var tags = For(request);
        tags.Add("account", request.AccountNumber);
        return tags;
    }
}

/// <summary>
/// The switching KPIs (requests, completions, conversion, saving) recorded as the domain events arrive.
/// </summary>
public sealed class TariffSwitchHandler
{
    private readonly Counter<long> _requested;
    private readonly Counter<long> _completed;
    private readonly Histogram<double> _saving;
    private readonly Histogram<double> _timeToSwitch;
    private readonly MeteringSwitchesCounter _switches;
    private readonly ConcurrentDictionary<string, TariffSwitchRequested> _open = new(StringComparer.Ordinal);
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<TariffSwitchHandler> _logger;

    public TariffSwitchHandler(ReadingMetrics readingMetrics, Pseudonymizer pseudonymizer, ILogger<TariffSwitchHandler> logger)
    {
        var meter = readingMetrics.Meter;
        _requested = meter.CreateCounter<long>("switch.requested", "{switch}");
        _completed = meter.CreateCounter<long>("switch.completed", "{switch}");
        _saving = meter.CreateHistogram<double>("switch.saving", "GBP");
        _timeToSwitch = meter.CreateHistogram<double>("switch.duration", "h");
        _switches = meter.CreateMeteringSwitchesCounter();
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        meter.CreateObservableGauge("switch.open", () => new Measurement<int>(_open.Count, new KeyValuePair<string, object?>("state", "awaiting_dcc"))); // clean precision-about
    }

    public void On(TariffSwitchRequested request)
    {
        _open[request.AccountNumber] = request;
        _requested.Add(1, SwitchTags.For(request)); // clean direct
        _requested.Add(1, SwitchTags.ForAccount(request)); // leak TC1003 cross-member
        var tags = SwitchTags.For(request);
        tags.Add("email.domain", request.HolderEmail[(request.HolderEmail.IndexOf('@') + 1)..]);
        _requested.Add(1, tags); // clean precision-about
        var withContact = SwitchTags.For(request);
        withContact.Add("holder", request.HolderEmail);
        _requested.Add(1, withContact); // leak TC1003 direct
        _logger.LogDebug("switch.requested recorded with {Tags}", string.Join(", ", withContact)); // leak TC1001 logging-objects
        var byType = SwitchTags.For(request);
        byType.Add("account.type", request.AccountType);
        _requested.Add(1, byType); // clean precision-names
        using (_logger.BeginScope("Switch {AccountNumber} to {Tariff}", request.AccountNumber, request.ToTariff)) // leak TC1001 direct
        {
            _logger.LogInformation("Switch requested via {Channel}", request.Channel);
        }
        Activity.Current?.SetTag("switch.holder", MeteringAttributes.HolderEmail); // clean precision-names
        Activity.Current?.SetBaggage("switch.account", _pseudonymizer.ComputeMeteringAccountId(request.AccountNumber)); // clean precision-pseudonym
    }

    public void On(TariffSwitchCompleted completed)
    {
        if (!_open.TryRemove(completed.AccountNumber, out var request))
        {
            _logger.LogWarning("Completion without a request: {Completed}", completed); // leak TC1001 logging-objects
            return;
        }
        var hours = (DateTimeOffset.UtcNow - request.RequestedAt).TotalHours;
        _completed.Add(1, SwitchTags.For(request)); // clean direct
        _saving.Record((double)completed.AnnualSavingPounds, new KeyValuePair<string, object?>("tariff.to", completed.ToTariff), new KeyValuePair<string, object?>("saving.band", Buckets.Of((double)completed.AnnualSavingPounds, 50, 150, 300))); // clean precision-about
        _timeToSwitch.Record(hours, new KeyValuePair<string, object?>("tariff.to", completed.ToTariff), new KeyValuePair<string, object?>("account.ref", _pseudonymizer.PseudonymizeMeteringAccountId(completed.AccountNumber))); // leak TC1003 precision-pseudonym
        _switches.Add(1, completed.ToTariff, meteringOutcome: "completed"); // clean generated-api
    }

    public void On(SwitchRejectedException rejection, string toTariff)
    {
        _switches.Add(1, toTariff, meteringOutcome: $"rejected:{rejection.Reason}"); // clean generated-api
        _switches.Add(1, toTariff, meteringOutcome: rejection.Message); // leak TC1003 exceptions
        _logger.LogError(rejection, "Switch to {Tariff} rejected", toTariff); // leak TC1001 exceptions
    }
}
