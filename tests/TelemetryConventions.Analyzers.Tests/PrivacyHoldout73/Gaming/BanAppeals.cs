using PrivacyHoldout73.Telemetry;

namespace PrivacyHoldout73.Gaming;

public enum AppealState
{
    Open,
    UnderReview,
    SecondOpinion,
    Upheld,
    Overturned,
    Expired,
}

public enum AppealTrigger
{
    Claim,
    Decide,
    Disagree,
    Expire,
    Release,
}

public readonly record struct PlayerId(Guid Value);

public sealed record SanctionCase(Guid CaseId, PlayerId Player, string Gamertag, string Policy, string AppealText, string? ReporterGamertag, IPAddressText LastIp);

public readonly record struct IPAddressText(string Value)
{
    public string Network => string.Join('.', Value.Split('.').Take(2)) + ".0.0/16";
}

public sealed class AppealStateException(AppealState state, AppealTrigger trigger, string gamertag)
    : Exception($"Appeal of {gamertag} cannot {trigger} in {state}.");

/// <summary>Ban appeals: a Stateless machine per case, a moderator claims it, a second opinion on disagreement.</summary>
public sealed partial class BanAppeals
{
    private static readonly ActivitySource Source = new("Game.Sanctions");

    private readonly ILogger<BanAppeals> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly SanctionsTransitionsCounter _transitions;
    private readonly SanctionsAppealDurationHistogram _duration;
    private readonly StateMachine<AppealState, AppealTrigger> _machine;
    private readonly StateMachine<AppealState, AppealTrigger>.TriggerWithParameters<string> _claim;
    private readonly SanctionCase _case;
    private readonly DateTimeOffset _openedAt;
    private string? _moderator;

    public BanAppeals(SanctionCase sanctionCase, AppealState state, DateTimeOffset openedAt, ILogger<BanAppeals> logger, Pseudonymizer pseudonymizer, Meter meter)
    {
        _case = sanctionCase;
        _openedAt = openedAt;
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _transitions = meter.CreateSanctionsTransitionsCounter();
        _duration = meter.CreateSanctionsAppealDurationHistogram();
        _machine = new StateMachine<AppealState, AppealTrigger>(state);
        _claim = _machine.SetTriggerParameters<string>(AppealTrigger.Claim);

        _machine.Configure(AppealState.Open)
            .Permit(AppealTrigger.Claim, AppealState.UnderReview)
            .Permit(AppealTrigger.Expire, AppealState.Expired);

        _machine.Configure(AppealState.UnderReview)
            .OnEntryFrom(_claim, (moderatorId, t) => _moderator = moderatorId)
            .OnEntryFrom(_claim, (moderatorId, t) => Activity.Current?.SetTag("appeal.moderator", moderatorId)) // leak TC1001 direct
            .OnExit(t => _logger.LogInformation("Appeal {CaseId} leaves review via {Trigger}", _case.CaseId, t.Trigger)) // clean precision-names
            .Permit(AppealTrigger.Decide, AppealState.Upheld)
            .Permit(AppealTrigger.Disagree, AppealState.SecondOpinion)
            .Permit(AppealTrigger.Release, AppealState.Open);

        _machine.Configure(AppealState.SecondOpinion)
            .OnEntry(t => _logger.LogInformation("Second opinion requested by {Moderator}", _moderator)) // leak TC1001 cross-member
            .Permit(AppealTrigger.Decide, AppealState.Overturned);

        _machine.Configure(AppealState.Overturned)
            .OnEntry(t => _logger.LogInformation("Ban lifted for {Gamertag}", _case.Gamertag)) // leak TC1001 cross-member
            .OnEntry(t => _logger.LogInformation("Ban lifted under policy {Policy}", _case.Policy)); // clean precision-about

        _machine.OnTransitioned(t => _transitions.Add(1, t.Destination.ToString(), t.Trigger.ToString()));
        _machine.OnUnhandledTrigger((s, trigger) => throw new AppealStateException(s, trigger, _case.Gamertag));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Appeal {CaseId} decided {Outcome} for {Player}")]
    private static partial void LogDecided(ILogger logger, Guid caseId, string outcome, Pseudonym player);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appeal text from {Gamertag}: {Text}")]
    private static partial void LogAppealText(ILogger logger, string gamertag, string text);

    public void Claim(string moderatorId)
    {
        using var span = Source.StartSanctionsTransition(_case.CaseId.ToString()) // clean generated-api
            .SetSanctionsTrigger("Claim"); // clean precision-names
        try
        {
            _machine.Fire(_claim, moderatorId);
            span.SetSanctionsState(_machine.State.ToString());
        }
        catch (AppealStateException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        }
    }

    public void Decide(bool uphold)
    {
        var player = _pseudonymizer.PseudonymizeSanctionsPlayerId(_case.Player.Value.ToString());
        _machine.Fire(AppealTrigger.Decide);
        var outcome = uphold ? "upheld" : "overturned";
        LogDecided(_logger, _case.CaseId, outcome, player); // clean precision-pseudonym
        LogAppealText(_logger, _case.Gamertag, _case.AppealText); // leak TC1001 direct
        var seconds = (DateTimeOffset.UtcNow - _openedAt).TotalSeconds;
        _duration.Record(seconds, outcome); // clean precision-about
        _duration.Record(seconds, outcome, player); // leak TC1003 precision-pseudonym
        _logger.LogSanctionsEscalatedEvent(_machine.State.ToString(), outcome, player, $"policy {_case.Policy}, text of {_case.AppealText.Length} chars"); // clean generated-api
        _logger.LogSanctionsEscalatedEvent(_machine.State.ToString(), outcome, sanctionsNote: _case.ToString()); // leak TC1001 generated-api
    }

    public void TraceCase(Activity? activity)
    {
        activity?.SetTag("sanction.player", _case.Player); // leak TC1001 logging-objects
        activity?.SetTag("sanction.network", _case.LastIp.Network); // clean precision-about
        activity?.SetTag("sanction.ip", _case.LastIp.Value); // leak TC1001 cross-member
        activity?.SetTag("sanction.reported", _case.ReporterGamertag is not null); // clean precision-about
        activity?.SetTag(SanctionsAttributes.PlayerGamertag, _pseudonymizer.PseudonymizeSanctionsPlayerId(_case.Gamertag).Value); // leak TC1001 precision-pseudonym
        activity?.SetTag("sanction.gamertag.initial", _case.Gamertag[..1]); // clean precision-about
        activity?.AddBaggage("sanction.player", _pseudonymizer.ComputeSanctionsPlayerId(_case.Player.Value.ToString())); // clean precision-pseudonym
    }
}
