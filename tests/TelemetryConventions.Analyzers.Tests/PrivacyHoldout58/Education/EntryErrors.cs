using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout58.Education;

// Failures of exam entries. Each carries the entries desk's error code (E-…). A candidate is
// identified by the unique candidate identifier (UCI, thirteen characters) and, within a centre, by
// a four-digit candidate number; both identify a student.

public class EntryException : Exception
{
    public EntryException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public string Code { get; }
}

public sealed class CandidateNotRegisteredException(string centreNumber, string uci)
    : EntryException("E-NOCAND", $"Candidate {uci} is not registered at centre {centreNumber}.")
{
    public string CentreNumber { get; } = centreNumber;

    public string Uci { get; } = uci;
}

public sealed class DuplicateEntryException(string candidateNumber, string specificationCode, Exception? innerException = null)
    : EntryException("E-DUP", $"Candidate number {candidateNumber} is already entered for {specificationCode}.", innerException)
{
    public string SpecificationCode { get; } = specificationCode;
}

public sealed class SpecificationClosedException(string specificationCode, DateOnly closedOn)
    : EntryException("E-LATE", $"Entries for {specificationCode} closed on {closedOn:yyyy-MM-dd}.")
{
    public string SpecificationCode { get; } = specificationCode;
}

/// <summary>One rule an entry broke, with the value that broke it (shown back to the exams officer).</summary>
public sealed record EntryFieldFailure(string Field, string AttemptedValue, string Rule);

public sealed class EntryValidationException(string entryRef, IReadOnlyList<EntryFieldFailure> failures)
    : EntryException("E-VALID", $"Entry {entryRef} failed validation: " + string.Join("; ", failures.Select(f => $"{f.Field} '{f.AttemptedValue}' {f.Rule}")))
{
    public string EntryRef { get; } = entryRef;

    public IReadOnlyList<EntryFieldFailure> Failures { get; } = failures;
}

/// <summary>The awarding body's gateway refused the call; the reason code is the gateway's.</summary>
public sealed class GatewayRejectionException(string reasonCode, string operation)
    : Exception($"Gateway refused {operation} with reason {reasonCode}.")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>No marked script is archived for the candidate.</summary>
public sealed class ScriptNotFoundException(string centreNumber, string candidateNumber, string specificationCode)
    : Exception($"No script archived for candidate {candidateNumber} at centre {centreNumber} in {specificationCode}.")
{
    public string SpecificationCode { get; } = specificationCode;
}

public sealed record CandidateEntry(string EntryRef, string Uci, string CandidateNumber, string Surname, string Forenames, DateOnly DateOfBirth, string SpecificationCode);

public sealed record EntryBatch(string BatchId, string CentreNumber, string Series, IReadOnlyList<CandidateEntry> Entries);

public interface IAwardingBodyGateway
{
    /// <summary>Throws <see cref="GatewayRejectionException"/> and <see cref="System.Net.Http.HttpRequestException"/>.</summary>
    Task SubmitAsync(string centreNumber, CandidateEntry entry, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="CandidateNotRegisteredException"/> and <see cref="SpecificationClosedException"/>.</summary>
    Task CheckEligibilityAsync(string centreNumber, CandidateEntry entry, CancellationToken cancellationToken);
}

public static class EntryValidator
{
    public static void Validate(CandidateEntry entry)
    {
        var failures = new List<EntryFieldFailure>();
        if (entry.Uci.Length != 13)
        {
            failures.Add(new(nameof(entry.Uci), entry.Uci, "must be 13 characters"));
        }
        if (entry.DateOfBirth.Year < 1995)
        {
            failures.Add(new(nameof(entry.DateOfBirth), entry.DateOfBirth.ToString("yyyy-MM-dd"), "is outside the series' range"));
        }
        if (entry.Surname.Any(char.IsDigit))
        {
            failures.Add(new(nameof(entry.Surname), entry.Surname, "contains digits"));
        }
        if (failures.Count > 0)
        {
            throw new EntryValidationException(entry.EntryRef, failures);
        }
    }
}
