namespace LearnKit.Assessment;

/// <summary>One attempt at an assessment. Prints its members, the candidate's id among them.</summary>
public sealed record AssessmentAttempt(Guid AttemptId, string AssessmentId, string CandidateId, int AttemptNumber, double ScaledScore, bool Passed, TimeSpan Duration);

/// <summary>The pass mark and attempt rules of an assessment. Prints its members.</summary>
public sealed record AssessmentPolicy(string AssessmentId, double PassMark, int MaxAttempts, TimeSpan TimeLimit);

/// <summary>A remote proctoring flag raised during an attempt. Prints its members: the attempt, the kind and the time.</summary>
public sealed record ProctoringFlag(Guid AttemptId, string Kind, TimeSpan At);

/// <summary>The attempt limit is reached; quotes the assessment and the limit.</summary>
public sealed class AttemptsExhaustedException(string assessmentId, int maxAttempts)
    : Exception($"No attempts left on '{assessmentId}' (maximum {maxAttempts})")
{
    public string AssessmentId { get; } = assessmentId;
}

/// <summary>The candidate is not eligible to sit the assessment; quotes the candidate's id and the reason.</summary>
public sealed class CandidateNotEligibleException(string candidateId, string reason)
    : Exception($"Candidate {candidateId} is not eligible: {reason}")
{
    public string Reason { get; } = reason;
}

public interface IAssessmentEngine
{
    Task<AssessmentAttempt> SubmitAsync(string assessmentId, string candidateId, IReadOnlyDictionary<string, string> answers, CancellationToken cancellationToken = default);

    Task<AssessmentPolicy> GetPolicyAsync(string assessmentId, CancellationToken cancellationToken = default);
}
