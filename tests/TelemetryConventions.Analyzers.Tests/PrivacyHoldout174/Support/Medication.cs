namespace HomeCare.Medication;

/// <summary>A medication prompt on a visit: prompt id, visit id, dm+d code, dose and the time due; names no one.</summary>
public sealed record MedicationPrompt(string PromptId, string VisitId, string DmdCode, string Dose, TimeOnly Due);

/// <summary>An outcome of a prompt: prompt id, client id, outcome code and the carer's free-text note.</summary>
public sealed record PromptOutcome(string PromptId, string ClientId, string OutcomeCode, string? CarerNote);

/// <summary>A client's MAR chart: client id, client name and the prompts (a list, printed as its type's name).</summary>
public sealed record MarChart(string ClientId, string ClientName, IReadOnlyList<MedicationPrompt> Prompts);

/// <summary>A client refused a medicine; the message quotes the client's name and the medicine.</summary>
public sealed class MedicationRefusedException(string clientName, string dmdCode) : Exception($"{clientName} refused {dmdCode}");

/// <summary>The eMAR system is down; a fixed text.</summary>
public sealed class EmarUnavailableException() : Exception("The eMAR service is unavailable");
