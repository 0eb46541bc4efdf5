namespace ScanKit
{
    public enum ClamScanResults
    {
        Unknown,
        Clean,
        VirusDetected,
        Error,
    }

    public sealed class ClamScanInfectedFile
    {
        /// <summary>The scanned file as clamd names it: <c>stream</c> for an INSTREAM scan, the path for an on-server scan.</summary>
        public required string FileName { get; init; }

        public required string VirusName { get; init; }
    }

    /// <summary>clamd's answer. <c>RawResult</c> is its reply line (<c>stream: Eicar-Test-Signature FOUND</c>).</summary>
    public sealed class ClamScanResult
    {
        public ClamScanResults Result { get; init; }

        public string RawResult { get; init; } = "stream: OK";

        public IReadOnlyList<ClamScanInfectedFile>? InfectedFiles { get; init; }

        public override string ToString() => RawResult;
    }

    /// <summary>A client of the clamd daemon, in the shape of nClam.</summary>
    public sealed class ClamClient(string server, int port = 3310)
    {
        public string Server { get; } = server;

        public int Port { get; } = port;

        public long MaxStreamSize { get; set; } = 26_214_400;

        /// <summary>Streams the bytes to clamd (INSTREAM); the reply names the file <c>stream</c>.</summary>
        public Task<ClamScanResult> SendAndScanFileAsync(Stream stream, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ClamScanResult { Result = ClamScanResults.Clean });

        /// <summary>Asks clamd to scan a path it can read; the reply quotes the path (<c>/mnt/… : OK</c>).</summary>
        public Task<ClamScanResult> ScanFileOnServerAsync(string filePath, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ClamScanResult { Result = ClamScanResults.Clean, RawResult = filePath + ": OK" });

        public Task<string> GetVersionAsync(CancellationToken cancellationToken = default) => Task.FromResult("ClamAV 1.3.1/27301");
    }

    /// <summary>
    /// The storage account's malware scanning result, as Defender for Storage publishes it to Event Grid
    /// (<c>Microsoft.Security.MalwareScanningResult</c>). Prints its members.
    /// </summary>
    public sealed record MalwareScanningResult(
        string CorrelationId,
        string BlobUri,
        string ETag,
        DateTimeOffset ScanFinishedTimeUtc,
        string ScanResultType,
        IReadOnlyList<string> MalwareNamesFound)
    {
        public const string NoThreatsFound = "No threats found";

        public const string Malicious = "Malicious";
    }

    /// <summary>The scanner did not answer in time; quotes the scanner's host and the timeout.</summary>
    public sealed class ScanTimeoutException(string server, TimeSpan timeout)
        : TimeoutException($"clamd at {server} did not reply within {timeout.TotalSeconds:0}s")
    {
        public string Server { get; } = server;
    }

    /// <summary>What the service's own upload pipeline throws when a file fails the scan; built by each service with its own message.</summary>
    public sealed class MalwareDetectedException(string message, string signature) : Exception(message)
    {
        public string Signature { get; } = signature;
    }
}
