namespace Ledger;

// A general ledger client in the shape of the journal APIs of Xero, NetSuite and Dynamics 365 Finance:
// a journal entry is balanced debit and credit lines posted to account codes in an open period.

public sealed record JournalLine(string Account, decimal Debit, decimal Credit, string? CostCentre, string Narrative);

public sealed record JournalEntry(string JournalId, string Period, DateOnly Date, string Source, IReadOnlyList<JournalLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Debit);

    public bool IsBalanced => Lines.Sum(l => l.Debit) == Lines.Sum(l => l.Credit);
}

public sealed record PostingResult(string JournalId, bool Posted, int LineCount, string LedgerBatch);

public interface ILedgerClient
{
    Task<PostingResult> PostAsync(JournalEntry entry, CancellationToken cancellationToken = default);

    Task<bool> IsPeriodOpenAsync(string period, CancellationToken cancellationToken = default);
}

/// <summary>The ledger refused a journal: the message names the journal and the account code.</summary>
public sealed class PostingException(string journalId, string account, string reason)
    : Exception($"Journal {journalId} rejected: account {account} {reason}")
{
    public string JournalId { get; } = journalId;

    public string Account { get; } = account;
}

public sealed class PeriodClosedException(string period) : Exception($"Period {period} is closed for posting")
{
    public string Period { get; } = period;
}

public sealed class UnbalancedJournalException(string journalId, decimal difference)
    : Exception($"Journal {journalId} does not balance by {difference:0.00}")
{
    public decimal Difference { get; } = difference;
}
