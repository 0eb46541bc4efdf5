namespace HomeCare.Carers;

/// <summary>A carer: staff id, full name, mobile, email and the branch.</summary>
public sealed record Carer(string StaffId, string FullName, string Mobile, string Email, string Branch);

/// <summary>A visit on a rota: visit id, client id, carer's staff id, start, minutes and the visit type.</summary>
public sealed record VisitSlot(string VisitId, string ClientId, string CarerId, DateTimeOffset Start, int Minutes, string VisitType);

/// <summary>A round of a day's rota: round id, branch, date and the carers' names on it (a list, printed as its type's name).</summary>
public sealed record VisitRound(string RoundId, string Branch, DateOnly Date, IReadOnlyList<string> CarerNames);

/// <summary>A round's shape: round id, visits, carers and travel minutes; names no one.</summary>
public sealed record RoundSummary(string RoundId, int Visits, int Carers, int TravelMinutes);

/// <summary>A carer's check-in at a visit: visit id, carer's staff id, the phone's fix and the time.</summary>
public sealed record VisitCheckIn(string VisitId, string CarerId, GeoFix Fix, DateTimeOffset At);

public interface IRotaStore
{
    Task<IReadOnlyList<VisitSlot>> ForRoundAsync(string roundId, CancellationToken cancellationToken = default);

    Task<Carer?> CarerAsync(string staffId, CancellationToken cancellationToken = default);

    Task AssignAsync(string visitId, string staffId, CancellationToken cancellationToken = default);
}

/// <summary>A carer cannot take a visit; the message quotes the carer's staff id.</summary>
public sealed class CarerUnavailableException(string staffId) : Exception($"Carer {staffId} is not available for the visit");

/// <summary>A visit started late; quotes the visit id and the minutes.</summary>
public sealed class LateVisitException(string visitId, int minutes) : Exception($"Visit {visitId} started {minutes} minutes late");

/// <summary>The rota engine is down; a fixed text.</summary>
public sealed class RotaEngineUnavailableException() : Exception("The rota engine did not answer");
