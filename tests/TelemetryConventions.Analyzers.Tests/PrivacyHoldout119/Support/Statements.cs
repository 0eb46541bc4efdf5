namespace LoyaltyKit.Statements;

/// <summary>A member's periodic points statement. A record: prints its members.</summary>
public sealed record PointsStatement(string StatementId, string MemberNumber, string Email, string Period, int Opening, int Earned, int Spent, int Expired, int Closing);

/// <summary>A statement run over a programme. A record: prints its members (about the run).</summary>
public sealed record StatementRun(string RunId, string Programme, string Period, int Statements, int Failed);

public interface IStatementMailer
{
    Task SendAsync(PointsStatement statement, byte[] pdf, CancellationToken cancellationToken = default);
}

/// <summary>The mail relay refused a statement: quotes the recipient, as SMTP servers do.</summary>
public sealed class StatementBouncedException(string recipient, int code) : Exception($"{code} 5.1.1 <{recipient}>: Recipient address rejected")
{
    public int Code { get; } = code;
}
