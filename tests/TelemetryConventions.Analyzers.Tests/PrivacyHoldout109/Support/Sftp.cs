namespace SftpKit;

/// <summary>A private key for public-key authentication, loaded from a file or a secret store.</summary>
public sealed class PrivateKeyFile(string path)
{
    public string Path { get; } = path;
}

/// <summary>An entry of a remote directory, as SSH.NET's <c>ISftpFile</c> returns it. A class without a <c>ToString</c> override.</summary>
public sealed class SftpFile
{
    public required string FullName { get; init; }

    public required string Name { get; init; }

    public long Length { get; init; }

    public DateTime LastWriteTimeUtc { get; init; }

    public bool IsDirectory { get; init; }
}

/// <summary>An SFTP client in the shape of SSH.NET's <c>SftpClient</c>.</summary>
public sealed class SftpClient(string host, int port, string username, PrivateKeyFile key) : IDisposable
{
    public string Host { get; } = host;

    public int Port { get; } = port;

    public string Username { get; } = username;

    public bool IsConnected { get; private set; }

    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public void Connect() => IsConnected = key.Path.Length > 0;

    public void Disconnect() => IsConnected = false;

    public IEnumerable<SftpFile> ListDirectory(string path) => Array.Empty<SftpFile>();

    public bool Exists(string path) => false;

    public void UploadFile(Stream input, string path, bool canOverride = true)
    {
    }

    public void DownloadFile(string path, Stream output)
    {
    }

    public string ReadAllText(string path) => string.Empty;

    public byte[] ReadAllBytes(string path) => Array.Empty<byte>();

    public void RenameFile(string oldPath, string newPath)
    {
    }

    public void DeleteFile(string path)
    {
    }

    public void Dispose() => IsConnected = false;
}

/// <summary>The server's status "No such file", as SSH.NET raises it: the server's text, which does not repeat the path.</summary>
public sealed class SftpPathNotFoundException(string message = "No such file") : Exception(message);

/// <summary>The server's status "Permission denied".</summary>
public sealed class SftpPermissionDeniedException(string message = "Permission denied") : Exception(message);

/// <summary>The connection dropped or could not be made; quotes the host and the reason.</summary>
public sealed class SshConnectionException(string message) : Exception(message);

/// <summary>The server refused the key; SSH.NET's text names the username of the partner account.</summary>
public sealed class SshAuthenticationException(string message) : Exception(message);
