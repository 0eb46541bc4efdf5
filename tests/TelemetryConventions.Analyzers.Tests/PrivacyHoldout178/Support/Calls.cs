namespace Responder.Calls;

/// <summary>An emergency call as the call taking system holds it: call id, the caller's number and name, the line (999 or 112), the nature code and the call handler's note.</summary>
public sealed record EmergencyCall(string CallId, string CallerNumber, string? CallerName, string Line, string NatureCode, string HandlerNote);

/// <summary>The caller's handset location (AML): latitude, longitude, accuracy in metres.</summary>
public sealed record CallerFix(double Latitude, double Longitude, int AccuracyMetres);

/// <summary>An incident location given by the caller: the three-word address, the typed street address and the postcode.</summary>
public sealed record IncidentLocation(string ThreeWordAddress, string StreetAddress, string Postcode);

/// <summary>An incident: incident number, category, priority, station area. Names no one.</summary>
public sealed record Incident(string IncidentNumber, string Category, int Priority, string StationArea);

/// <summary>A call taker's summary of a call without the caller: call id, line, nature code, seconds to answer.</summary>
public sealed record CallSummary(string CallId, string Line, string NatureCode, int SecondsToAnswer);

public interface ICallTakingSystem
{
    Task<EmergencyCall?> FindAsync(string callId, CancellationToken cancellationToken = default);

    Task<CallerFix?> LocateAsync(string callerNumber, CancellationToken cancellationToken = default);
}

/// <summary>The caller could not be verified; quotes the caller's number.</summary>
public sealed class CallerNotVerifiedException(string callerNumber) : Exception($"Caller {callerNumber} failed the silent-call check");

/// <summary>A three-word address did not resolve; quotes the words.</summary>
public sealed class LocationNotResolvedException(string threeWords) : Exception($"Could not resolve ///{threeWords}");

/// <summary>The computer aided dispatch system is down; a fixed text.</summary>
public sealed class CadUnavailableException() : Exception("Computer aided dispatch is unavailable");
