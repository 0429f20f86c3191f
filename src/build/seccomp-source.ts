/**
 * The C source of the seccomp tracer, compiled on the machine that runs it (see seccomp.ts).
 *
 * `wheel-cache-trace OUT -- argv...` runs argv with a seccomp filter that hands each file open,
 * program run, directory creation and rename to this process (a user notification) and lets the
 * call go on unchanged; nothing else stops. Each call is written to OUT as five NUL-terminated
 * fields: kind, thread id, a mark, the absolute path (resolved against the working directory or
 * the directory descriptor while the caller waits), and argv[0] for a program run. Kinds: `o`
 * opened to read, `w` opened to write, `d` opened as a directory, `x` program run (mark `E` when
 * it only preprocesses: `-E`, `-M`, `-MM`), `m` directory created (only when the path did not
 * exist), `r` path renamed or linked into place. Whether a call succeeded is not known here; the
 * reader decides from the files afterwards.
 *
 * It becomes the subreaper of the build, ends when every process of it has ended, and exits as
 * the build's first process did (the same signal, or its status). `wheel-cache-trace --probe`
 * exits 0 when this kernel supports it (user notifications that continue the call, Linux 5.5).
 */
export const SECCOMP_TRACER_C = String.raw`#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__x86_64__)
#define ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define ARCH AUDIT_ARCH_AARCH64
#else
#error "no seccomp tracer for this architecture"
#endif

/* Linux 6.6: the kernel switches straight from the caller to the tracer and back. */
#ifndef SECCOMP_IOCTL_NOTIF_SET_FLAGS
#define SECCOMP_IOCTL_NOTIF_SET_FLAGS SECCOMP_IOW(4, __u64)
#endif
#ifndef SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP
#define SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP 1UL
#endif

#ifndef SYS_openat2
#define SYS_openat2 437
#endif

/* How the path (and the program's argv) of each traced call is found in its arguments. */
struct call { long nr; int dirfd; int path; int flags; char kind; int argv; };
static const struct call calls[] = {
#ifdef SYS_open
  {SYS_open, -1, 0, 1, 'o', -1},
#endif
#ifdef SYS_creat
  {SYS_creat, -1, 0, -1, 'w', -1},
#endif
  {SYS_openat, 0, 1, 2, 'o', -1},
  {SYS_openat2, 0, 1, -2, 'o', -1},
  {SYS_execve, -1, 0, -1, 'x', 1},
  {SYS_execveat, 0, 1, -1, 'x', 2},
#ifdef SYS_mkdir
  {SYS_mkdir, -1, 0, -1, 'm', -1},
#endif
  {SYS_mkdirat, 0, 1, -1, 'm', -1},
#ifdef SYS_rename
  {SYS_rename, -1, 1, -1, 'r', -1},
#endif
#ifdef SYS_renameat
  {SYS_renameat, 2, 3, -1, 'r', -1},
#endif
  {SYS_renameat2, 2, 3, -1, 'r', -1},
#ifdef SYS_link
  {SYS_link, -1, 1, -1, 'r', -1},
#endif
  {SYS_linkat, 2, 3, -1, 'r', -1},
#ifdef SYS_symlink
  {SYS_symlink, -1, 1, -1, 'r', -1},
#endif
  {SYS_symlinkat, 1, 2, -1, 'r', -1},
};
#define NCALLS (sizeof calls / sizeof calls[0])

#define MAX_ARGS 4096

static int wake[2];
static void on_child(int sig) {
  (void)sig;
  int saved = errno;
  if (write(wake[1], "", 1) < 0) {}
  errno = saved;
}

/* Reads up to cap bytes of the caller's memory at addr; returns how many were read. */
static ssize_t peek(pid_t pid, unsigned long addr, void *out, size_t cap) {
  struct iovec local = {out, cap}, remote = {(void *)addr, cap};
  return process_vm_readv(pid, &local, 1, &remote, 1, 0);
}

/* A NUL-terminated string of the caller's, a page at a time; -1 when it cannot be read. */
static int peek_string(pid_t pid, unsigned long addr, char *out, size_t cap) {
  size_t have = 0;
  while (have + 1 < cap) {
    size_t n = 4096 - (addr & 4095);
    if (n > cap - 1 - have) n = cap - 1 - have;
    ssize_t got = peek(pid, addr, out + have, n);
    if (got <= 0) return -1;
    char *end = memchr(out + have, 0, (size_t)got);
    if (end) return (int)(end - out);
    have += (size_t)got;
    addr += (unsigned long)got;
  }
  out[have] = 0;
  return (int)have;
}

static int install_filter(void) {
  struct sock_filter f[NCALLS + 5];
  unsigned n = 0;
  f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ARCH, 0, NCALLS + 1);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
  for (unsigned i = 0; i < NCALLS; i++)
    f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)calls[i].nr, (unsigned char)(NCALLS - i), 0);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF);
  struct sock_fprog prog = {(unsigned short)n, f};
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return -1;
  return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
}

static int send_fd(int sock, int fd) {
  char byte = 'K';
  struct iovec iov = {&byte, 1};
  char control[CMSG_SPACE(sizeof(int))];
  memset(control, 0, sizeof control);
  struct msghdr msg = {0};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(c), &fd, sizeof fd);
  return sendmsg(sock, &msg, 0) == 1 ? 0 : -1;
}

static int receive_fd(int sock) {
  char byte = 0;
  struct iovec iov = {&byte, 1};
  char control[CMSG_SPACE(sizeof(int))];
  struct msghdr msg = {0};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  if (recvmsg(sock, &msg, 0) != 1 || byte != 'K') return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  if (!c || c->cmsg_type != SCM_RIGHTS) return -1;
  int fd;
  memcpy(&fd, CMSG_DATA(c), sizeof fd);
  return fd;
}

static const struct call *find_call(int nr) {
  for (unsigned i = 0; i < NCALLS; i++)
    if (calls[i].nr == nr) return &calls[i];
  return NULL;
}

static FILE *out;
static char path[8192], base[4096], arg[4096], argv0[4096];

static void field(const char *text) {
  fputs(text, out);
  fputc(0, out);
}

/* Whether a program run only preprocesses (-E, -M, -MM); reads argv[0] into argv0. */
static int preprocess_only(pid_t pid, unsigned long argv) {
  int only = 0;
  argv0[0] = 0;
  for (int i = 0; i < MAX_ARGS; i++) {
    unsigned long at = 0;
    if (peek(pid, argv + (unsigned long)i * sizeof at, &at, sizeof at) != (ssize_t)sizeof at || at == 0) break;
    if (peek_string(pid, at, arg, sizeof arg) < 0) break;
    if (i == 0) memcpy(argv0, arg, strlen(arg) + 1);
    else if (!strcmp(arg, "-E") || !strcmp(arg, "-M") || !strcmp(arg, "-MM")) only = 1;
  }
  return only;
}

/* Writes one traced call. The caller waits meanwhile, so its descriptors and directory hold. */
static void record(const struct seccomp_notif *n) {
  const struct call *c = find_call(n->data.nr);
  if (!c) return;
  pid_t pid = (pid_t)n->pid;
  const unsigned long long *a = n->data.args;
  int len = peek_string(pid, (unsigned long)a[c->path], path, 4096);
  if (len < 0) {
    /* The caller is gone, or its memory cannot be read: say so, the reader counts it. */
    fprintf(out, "?%c%d%c%c%c%c", 0, pid, 0, 0, 0, 0);
    return;
  }
  if (path[0] != '/') {
    char link[64];
    int dirfd = c->dirfd < 0 ? AT_FDCWD : (int)a[c->dirfd];
    if (dirfd == AT_FDCWD) snprintf(link, sizeof link, "/proc/%d/cwd", pid);
    else snprintf(link, sizeof link, "/proc/%d/fd/%d", pid, dirfd);
    ssize_t got = readlink(link, base, sizeof base - 1);
    if (got < 0) got = 0;
    base[got] = 0;
    memmove(path + got + 1, path, (size_t)len + 1);
    memcpy(path, base, (size_t)got);
    path[got] = '/';
  }
  char kind = c->kind;
  const char *mark = "";
  if (c->flags != -1) {
    unsigned long long flags = 0;
    if (c->flags == -2) {
      if (peek(pid, (unsigned long)a[2], &flags, sizeof flags) != (ssize_t)sizeof flags) flags = 0;
    } else {
      flags = a[c->flags];
    }
    if ((flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC))) kind = 'w';
    else if (flags & O_DIRECTORY) kind = 'd';
  }
  if (kind == 'm') {
    struct stat st;
    if (lstat(path, &st) == 0) return;
  }
  if (kind == 'x' && preprocess_only(pid, (unsigned long)a[c->argv])) mark = "E";
  char tid[16];
  snprintf(tid, sizeof tid, "%d", pid);
  char k[2] = {kind, 0};
  field(k);
  field(tid);
  field(mark);
  field(path);
  field(kind == 'x' ? argv0 : "");
}

/* Answers every notification until no process of the build is left; returns its wait status. */
static int serve(int listener, pid_t first) {
  struct pollfd fds[2] = {{listener, POLLIN, 0}, {wake[0], POLLIN, 0}};
  int status = -1;
  /* Switch straight from the caller to this process and back; kernels before 6.6 refuse, and
     each call then costs a wake-up. */
  (void)ioctl(listener, SECCOMP_IOCTL_NOTIF_SET_FLAGS, SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP, 0);
  for (;;) {
    fds[0].revents = fds[1].revents = 0;
    if (poll(fds, 2, -1) < 0 && errno != EINTR) return -2;
    if (fds[1].revents & POLLIN) {
      char drain[64];
      while (read(wake[0], drain, sizeof drain) > 0) {}
    }
    if (fds[0].revents & POLLIN) {
      struct seccomp_notif n;
      memset(&n, 0, sizeof n);
      if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &n) == 0) {
        record(&n);
        struct seccomp_notif_resp r;
        memset(&r, 0, sizeof r);
        r.id = n.id;
        r.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
        /* ENOENT: the caller was interrupted meanwhile; nothing to answer. */
        if (ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &r) != 0 && errno != ENOENT) return -2;
      }
      continue;
    }
    for (;;) {
      int st;
      pid_t ended = waitpid(-1, &st, WNOHANG);
      if (ended == first) status = st;
      if (ended > 0) continue;
      if (ended < 0 && errno == ECHILD) return status;
      break;
    }
  }
}

static int probe(void) {
  int sock[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sock) != 0) return 1;
  pid_t pid = fork();
  if (pid < 0) return 1;
  if (pid == 0) {
    close(sock[0]);
    int fd = install_filter();
    if (fd < 0 || send_fd(sock[1], fd) != 0) _exit(1);
    close(fd);
    int dir = open("/", O_RDONLY | O_DIRECTORY);
    _exit(dir >= 0 ? 0 : 1);
  }
  close(sock[1]);
  int listener = receive_fd(sock[0]);
  if (listener < 0) {
    waitpid(pid, NULL, 0);
    return 1;
  }
  out = fopen("/dev/null", "w");
  int status = serve(listener, pid);
  return status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

int main(int argc, char **argv) {
  if (pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) return 125;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_child;
  /* No SA_RESTART: a process ending wakes a wait for the next call (it may have been its last). */
  sa.sa_flags = SA_NOCLDSTOP;
  sigaction(SIGCHLD, &sa, NULL);
  if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) return 125;
  if (argc == 2 && !strcmp(argv[1], "--probe")) return probe();
  if (argc < 4 || strcmp(argv[2], "--")) {
    fputs("usage: wheel-cache-trace OUT -- COMMAND [ARG...]\n", stderr);
    return 125;
  }
  out = fopen(argv[1], "we");
  if (!out) {
    perror(argv[1]);
    return 125;
  }
  static char buffer[1 << 16];
  setvbuf(out, buffer, _IOFBF, sizeof buffer);
  int sock[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sock) != 0) return 125;
  pid_t pid = fork();
  if (pid < 0) return 125;
  if (pid == 0) {
    close(sock[0]);
    signal(SIGCHLD, SIG_DFL);
    int fd = install_filter();
    if (fd < 0 || send_fd(sock[1], fd) != 0) {
      perror("wheel-cache-trace: seccomp");
      _exit(125);
    }
    close(fd);
    execvp(argv[3], argv + 3);
    fprintf(stderr, "wheel-cache-trace: cannot run %s: %s\n", argv[3], strerror(errno));
    _exit(errno == ENOENT ? 127 : 126);
  }
  close(sock[1]);
  int listener = receive_fd(sock[0]);
  close(sock[0]);
  int status;
  if (listener < 0) {
    waitpid(pid, &status, 0);
  } else {
    status = serve(listener, pid);
    if (status == -2) fputs("wheel-cache-trace: cannot answer the traced calls\n", stderr);
    if (status < 0) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
    }
  }
  if (fclose(out) != 0) return 125;
  if (WIFSIGNALED(status)) {
    signal(WTERMSIG(status), SIG_DFL);
    raise(WTERMSIG(status));
    return 128 + WTERMSIG(status);
  }
  return WEXITSTATUS(status);
}
`;
