namespace SftpLite;

public sealed record SftpFile(string FullName, string Name, long Length, DateTimeOffset LastWriteTime);

/// <summary>The SFTP drop the legacy batch jobs write to.</summary>
public interface ISftpClient
{
    string Host { get; }

    Task<IReadOnlyList<SftpFile>> ListAsync(string directory, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ReadAllLinesAsync(string path, CancellationToken cancellationToken);

    Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken);

    Task MoveAsync(string from, string to, CancellationToken cancellationToken);
}
