namespace Trialwise.Exports;

// The shapes of the data export to sponsors and evaluators (files sent over SFTP).

/// <summary>An export. Prints the export id, the study, the recipient organisation, the number of rows and the file name.</summary>
public sealed record SponsorExport(string ExportId, string StudyCode, string Recipient, int Rows, string FileName);

/// <summary>One row of an export. Prints the participant's study number and the values (a dictionary, printed as its type's name).</summary>
public sealed record ExportRow(string StudyNumber, IReadOnlyDictionary<string, string> Values);

public interface ISponsorTransfer
{
    Task UploadAsync(SponsorExport export, IReadOnlyList<ExportRow> rows, CancellationToken cancellationToken = default);
}

/// <summary>A row failed the sponsor's data specification; the message quotes the study number and the column.</summary>
public sealed class ExportValidationException(string studyNumber, string column)
    : Exception($"Row {studyNumber}: column {column} fails the data specification")
{
    public string Column { get; } = column;
}

/// <summary>The transfer failed; the message quotes the host and the SFTP status.</summary>
public sealed class SponsorTransferException(string host, int status) : Exception($"SFTP to {host} failed with status {status}");
