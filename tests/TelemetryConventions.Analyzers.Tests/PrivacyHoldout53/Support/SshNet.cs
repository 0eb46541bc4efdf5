using System;
using System.IO;

// Stand-ins for SSH.NET: an SFTP client and its exceptions. Only the shapes matter.

namespace Renci.SshNet
{
    public sealed class PrivateKeyFile(Stream privateKey, string? passPhrase = null)
    {
        public Stream Key { get; } = privateKey;

        public string? PassPhrase { get; } = passPhrase;
    }

    public sealed class SftpClient(string host, int port, string username, params PrivateKeyFile[] keyFiles) : IDisposable
    {
        public string Host { get; } = host;

        public int Port { get; } = port;

        public string Username { get; } = username;

        public bool IsConnected { get; private set; }

        public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

        public void Connect() => IsConnected = keyFiles.Length >= 0;

        public void Disconnect() => IsConnected = false;

        public void UploadFile(Stream input, string path, bool canOverride = true)
        {
        }

        public void RenameFile(string oldPath, string newPath)
        {
        }

        public bool Exists(string path) => false;

        public void Dispose() => Disconnect();
    }
}

namespace Renci.SshNet.Common
{
    /// <summary>Base of SSH.NET's errors; messages are the library's or the server's status text.</summary>
    public class SshException(string message) : Exception(message);

    /// <summary>"An established connection was aborted by the server." and similar transport texts.</summary>
    public sealed class SshConnectionException(string message) : SshException(message);

    /// <summary>"Permission denied (publickey)."</summary>
    public sealed class SshAuthenticationException(string message) : SshException(message);

    /// <summary>The server's SSH_FX_NO_SUCH_FILE status text, "No such file".</summary>
    public sealed class SftpPathNotFoundException(string message) : SshException(message);

    /// <summary>The server's SSH_FX_PERMISSION_DENIED status text, "Permission denied".</summary>
    public sealed class SftpPermissionDeniedException(string message) : SshException(message);
}
