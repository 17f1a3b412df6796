namespace SiteGen.Site;

/// <summary>The steps of a commit, to take back in reverse order if a later one fails (<see cref="OutputFolder.Commit"/>).</summary>
internal sealed class UndoLog(FileOperations files)
{
    private readonly List<(string From, string? To)> _steps = [];

    /// <summary>Something was moved from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public void Moved(string from, string to) => _steps.Add((from, to));

    /// <summary>An empty folder was removed.</summary>
    public void Removed(string folder) => _steps.Add((folder, null));

    /// <summary>Takes every step back, the last first; throws at the first that cannot be (the journal then tells the next build).</summary>
    public void Run()
    {
        for (var i = _steps.Count - 1; i >= 0; i--)
        {
            var (from, to) = _steps[i];
            if (to is null)
            {
                files.CreateDirectory(from);
            }
            else
            {
                files.Move(to, from);
            }
        }
        _steps.Clear();
    }
}
